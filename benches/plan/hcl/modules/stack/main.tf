# One regional network stack: subnets (count) and routes (for_each), plus a
# couple of secrets that carry the sensitive password.

variable "region" {
  type = string
}

variable "region_index" {
  type = number
}

variable "subnets" {
  type = number
}

variable "routes" {
  type = number
}

variable "phase" {
  type = number
}

variable "detail" {
  type = number
}

variable "db_password" {
  type      = string
  sensitive = true
}

locals {
  p2 = var.phase >= 2
  # range() refuses to make more than 1024 values
  seq    = flatten([for c in range(16) : range(c * 1024, (c + 1) * 1024)])
  routes = { for i in slice(local.seq, 0, var.routes) : format("rt-%s-%04d", var.region, i) => i }
}

resource "terraform_data" "subnet" {
  count = var.subnets

  input = {
    name              = format("subnet-%s-%04d", var.region, count.index)
    kind              = "subnet"
    region            = var.region
    availability_zone = "${var.region}${substr("abc", count.index % 3, 1)}"
    cidr_block        = cidrsubnet("10.${var.region_index}.0.0/16", 8, count.index % 256)
    ipv6_cidr_block   = cidrsubnet("2600:1f18:${var.region_index}::/48", 16, count.index)
    revision          = local.p2 && count.index % 7 == 0 ? 2 : 1
    map_public_ip     = count.index % 4 == 0
    tags = merge(
      { for j in range(var.detail) : "tag-${j}" => substr(sha256("${var.region}/${count.index}/${j}"), 0, 40) },
      { Name = format("subnet-%s-%04d", var.region, count.index), Tier = count.index % 4 == 0 ? "public" : "private" },
    )
    nacl_rules = [for j in range(var.detail) : {
      rule_no  = 100 + j * 10
      action   = j % 3 == 0 ? "deny" : "allow"
      protocol = j % 2 == 0 ? "tcp" : "udp"
      from     = 1024 * j
      to       = 1024 * j + 1023
      cidr     = local.p2 && count.index % 7 == 0 && j == 0 ? "0.0.0.0/0" : "10.0.0.0/8"
    }]
  }

  triggers_replace = local.p2 && count.index % 37 == 0 ? "az-rebalance" : "initial"
}

resource "terraform_data" "route" {
  for_each = local.routes

  input = {
    name        = each.key
    kind        = "route"
    destination = cidrsubnet("172.16.0.0/12", 8, each.value % 256)
    target      = "tgw-${substr(sha256("${var.region}/${each.value % 11}"), 0, 17)}"
    priority    = local.p2 && each.value % 7 == 0 ? 200 + each.value : 100 + each.value
    propagated  = each.value % 2 == 0
    annotations = { for j in range(var.detail) : "note-${j}" => "route ${each.key} hop ${j} via ${substr(sha256("${each.key}/${j}"), 0, 24)}" }
  }

  triggers_replace = local.p2 && each.value % 37 == 0 ? "tgw-2" : "tgw-1"
}

resource "terraform_data" "secret" {
  count = 2

  input = {
    name     = "${var.region}-secret-${count.index}"
    kind     = "secret"
    value    = var.db_password
    rotation = local.p2 && count.index == 0 ? 30 : 90
  }
}

output "subnet_count" {
  value = length(terraform_data.subnet)
}
