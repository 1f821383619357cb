# Phase 2 (planned change): the same objects renamed, with moved blocks.
# Queues go from count to for_each (one of them is also changed); DNS records
# keep their shape under a new resource name.

locals {
  queues = ["orders", "payments", "emails", "audit", "search", "reports"]
}

resource "terraform_data" "queue" {
  for_each = { for i, q in local.queues : q => i }

  input = {
    name       = each.key
    kind       = "queue"
    fifo       = each.value % 2 == 0
    retention  = 345600
    visibility = each.key == "payments" ? 60 : 30
    dlq        = "${each.key}-dlq"
  }
}

moved {
  from = terraform_data.legacy_queue[0]
  to   = terraform_data.queue["orders"]
}

moved {
  from = terraform_data.legacy_queue[1]
  to   = terraform_data.queue["payments"]
}

moved {
  from = terraform_data.legacy_queue[2]
  to   = terraform_data.queue["emails"]
}

moved {
  from = terraform_data.legacy_queue[3]
  to   = terraform_data.queue["audit"]
}

moved {
  from = terraform_data.legacy_queue[4]
  to   = terraform_data.queue["search"]
}

moved {
  from = terraform_data.legacy_queue[5]
  to   = terraform_data.queue["reports"]
}

resource "terraform_data" "dns" {
  count = 4

  input = {
    zone    = "example.com"
    name    = "api-${count.index}.example.com"
    type    = "CNAME"
    ttl     = 300
    records = ["lb-${format("%04d", count.index)}.elb.example.com"]
    target  = terraform_data.lb[count.index].id
  }
}

moved {
  from = terraform_data.legacy_dns
  to   = terraform_data.dns
}
