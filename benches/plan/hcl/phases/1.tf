# Phase 1 (applied baseline): resources under their old names.

resource "terraform_data" "legacy_queue" {
  count = 6

  input = {
    name       = ["orders", "payments", "emails", "audit", "search", "reports"][count.index]
    kind       = "queue"
    fifo       = count.index % 2 == 0
    retention  = 345600
    visibility = 30
    dlq        = "${["orders", "payments", "emails", "audit", "search", "reports"][count.index]}-dlq"
  }
}

resource "terraform_data" "legacy_dns" {
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
