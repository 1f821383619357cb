# Synthetic estate for benchmarking `cloudops plan analyze`.
#
# Only the built-in `terraform_data` resource is used, so `terraform init`
# downloads nothing. gen.sh copies this directory into a work dir, applies it
# with phase = 1, swaps phases/1.tf for phases/2.tf and plans with phase = 2.
# The phase-2 change gives a realistic mix: mostly no-op, ~14% in-place
# updates, ~3% replacements, some creates and deletes, and a few moves.
#
# Rough share of `scale` per group (phase 1):
#   terraform_data.service      35%  for_each  (phase 2: ~6% of keys removed, 2% of scale added)
#   terraform_data.instance     30%  count     (phase 2: count reduced by 1.5% of scale)
#   module.stack[region] x4     30%  count + for_each (phase 2: subnets +0.5% of scale each)
#   terraform_data.lb            3%  count, create_before_destroy
#   terraform_data.db            2%  count, inputs carry the sensitive password
#   phases/*.tf                 10 resources renamed between phases (moved blocks)

terraform {
  required_version = ">= 1.5.0"
}

variable "scale" {
  description = "Approximate number of resource instances in the phase-1 estate."
  type        = number
  default     = 10000
}

variable "phase" {
  description = "1 = the applied baseline, 2 = the changed configuration that is planned."
  type        = number
  default     = 1
}

variable "detail" {
  description = "Payload knob: entries per label map / endpoint list. Tunes bytes per resource."
  type        = number
  default     = 8
}

variable "db_password" {
  description = "Fake credential; exercises sensitive values in inputs and outputs."
  type        = string
  sensitive   = true
}

locals {
  n  = var.scale
  p2 = var.phase >= 2

  tiers   = ["web", "api", "worker", "batch", "cache", "queue", "edge", "auth"]
  envs    = ["prod", "staging", "dev"]
  regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"]
  blurb   = "Managed by the platform team. Changes go through the change advisory board; see the runbook before editing by hand."

  # range() refuses to make more than 1024 values: 0, 1, ..., 65535 in chunks.
  seq = flatten([for c in range(64) : range(c * 1024, (c + 1) * 1024)])

  # ---- services: for_each over string keys ---------------------------------
  service_count = floor(local.n * 0.35)
  service_added = floor(local.n * 0.02)
  service_idx = local.p2 ? concat(
    [for i in slice(local.seq, 0, local.service_count) : i if i % 17 != 3],
    slice(local.seq, local.service_count, local.service_count + local.service_added),
  ) : slice(local.seq, 0, local.service_count)
  services = { for i in local.service_idx : format("svc-%05d", i) => i }

  # ---- instances: count --------------------------------------------------------
  instance_count = local.p2 ? floor(local.n * 0.30) - floor(local.n * 0.015) : floor(local.n * 0.30)

  # ---- module stacks -----------------------------------------------------------
  stack_subnets = floor(local.n * 0.05) + (local.p2 ? max(1, floor(local.n * 0.005)) : 0)
  stack_routes  = floor(local.n * 0.025)

  lb_count = max(3, floor(local.n * 0.03))
  db_count = max(2, floor(local.n * 0.02))
}

# In phase 2, instance number i of each group is updated in place when
# i % 7 == 0 and replaced (triggers_replace) when i % 37 == 0.

resource "terraform_data" "service" {
  for_each = local.services

  input = {
    name        = each.key
    kind        = "service"
    tier        = local.tiers[each.value % 8]
    environment = local.envs[each.value % 3]
    revision    = (local.p2 && each.value % 7 == 0) ? 2 : 1
    image       = "registry.internal.example.com/platform/${local.tiers[each.value % 8]}:${(local.p2 && each.value % 7 == 0) ? "1.42.1" : "1.41.7"}"
    fingerprint = sha256("service/${each.key}")
    owner       = "team-${local.tiers[each.value % 8]}@example.com"
    description = "Service ${each.key} (${local.tiers[each.value % 8]}/${local.envs[each.value % 3]}). ${local.blurb}"
    labels = merge(
      { for j in range(var.detail) : "label-${j}" => substr(sha256("${each.key}/${j}"), 0, 40) },
      { "app.kubernetes.io/name" = each.key, "app.kubernetes.io/part-of" = local.tiers[each.value % 8] },
    )
    endpoints = [for j in range(var.detail) : {
      port     = 8000 + j
      protocol = j % 2 == 0 ? "tcp" : "udp"
      cidr     = "10.${each.value % 250}.${j}.0/24"
      path     = "/${local.tiers[each.value % 8]}/v${1 + j % 3}/health"
      weight   = 10 * j
    }]
    limits = {
      cpu      = 250 * (1 + each.value % 4)
      memory   = 512 * (1 + each.value % 8)
      replicas = 1 + each.value % 5 + ((local.p2 && each.value % 7 == 0) ? 1 : 0)
    }
  }

  triggers_replace = (local.p2 && each.value % 37 == 0) ? "generation-2" : "generation-1"
}

resource "terraform_data" "instance" {
  count = local.instance_count

  input = {
    name          = format("i-%06d", count.index)
    kind          = "instance"
    instance_type = ["t3.micro", "m6i.large", "c6i.xlarge", "r6i.2xlarge"][count.index % 4]
    ami           = "ami-${substr(sha256("ami/${count.index % 13}"), 0, 17)}"
    subnet        = "${local.regions[count.index % 4]}/subnet-${count.index % 64}"
    revision      = (local.p2 && count.index % 7 == 0) ? 2 : 1
    user_data     = base64encode("#!/bin/sh\n# instance ${count.index}\n${local.blurb}\nexec /opt/agent --region ${local.regions[count.index % 4]} --pool ${count.index % 64}\n")
    tags = merge(
      { for j in range(var.detail) : "tag-${j}" => "${local.envs[count.index % 3]}-${substr(sha256("i/${count.index}/${j}"), 0, 32)}" },
      { Name = format("i-%06d", count.index), Patch = (local.p2 && count.index % 7 == 0) ? "2025-02" : "2025-01" },
    )
    volumes = [for j in range(1 + count.index % 3) : {
      device    = "/dev/xvd${substr("bcdef", j, 1)}"
      size_gb   = 20 * (j + 1)
      encrypted = true
      kms_key   = "arn:aws:kms:${local.regions[count.index % 4]}:123456789012:key/${uuidv5("dns", "k${j}.example.com")}"
    }]
    security_groups = [for j in range(floor(var.detail / 2)) : "sg-${substr(sha256("sg/${count.index % 97}/${j}"), 0, 17)}"]
  }

  triggers_replace = (local.p2 && count.index % 37 == 0) ? "ami-2" : "ami-1"
}

module "stack" {
  source   = "./modules/stack"
  for_each = { for i, r in local.regions : r => i }

  region       = each.key
  region_index = each.value
  subnets      = local.stack_subnets
  routes       = local.stack_routes
  phase        = var.phase
  detail       = var.detail
  db_password  = var.db_password
}

resource "terraform_data" "lb" {
  count = local.lb_count

  input = {
    name     = format("lb-%04d", count.index)
    kind     = "load_balancer"
    scheme   = count.index % 5 == 0 ? "internal" : "internet-facing"
    backends = [for j in range(4) : format("svc-%05d", (count.index * 4 + j) % local.service_count)]
    listeners = [for j in range(floor(var.detail / 2)) : {
      port        = 443 + j
      protocol    = "HTTPS"
      certificate = "arn:aws:acm:us-east-1:123456789012:certificate/${uuidv5("dns", "lb${count.index}-${j}.example.com")}"
      ssl_policy  = local.p2 && count.index % 10 == 0 ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : "ELBSecurityPolicy-2016-08"
    }]
  }

  triggers_replace = local.p2 && count.index % 10 == 0 ? "tls13" : "tls12"

  lifecycle {
    create_before_destroy = true
  }
}

resource "terraform_data" "db" {
  count = local.db_count

  input = {
    name        = format("db-%04d", count.index)
    kind        = "database"
    engine      = count.index % 2 == 0 ? "postgres" : "mysql"
    version     = (local.p2 && count.index % 7 == 0) ? "16.4" : "16.3"
    username    = "app_${count.index}"
    password    = var.db_password
    parameters  = { for j in range(var.detail) : "param_${j}" => tostring(j * 128) }
    description = "Database ${count.index}. ${local.blurb}"
  }
}

output "counts" {
  value = {
    services  = length(terraform_data.service)
    instances = length(terraform_data.instance)
    lbs       = length(terraform_data.lb)
    dbs       = length(terraform_data.db)
  }
}

output "lb_ids" {
  value = terraform_data.lb[*].id
}

output "db_connection" {
  value     = "postgres://app_0:${var.db_password}@db-0000.internal.example.com:5432/app?phase=${var.phase}"
  sensitive = true
}
