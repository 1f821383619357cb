variable "db_password" {
  type      = string
  sensitive = true
  default   = "n3w-s3cr3t-Passw0rd"
}
resource "terraform_data" "web" {
  count = 2
  input = { size = "large", tags = { team = "web" } }
}
resource "terraform_data" "queue" {
  for_each = toset(["orders", "billing"])
  input    = each.key
}
resource "terraform_data" "db_config" {
  input            = { engine = "postgres", password = var.db_password }
  triggers_replace = "v2"
}
removed {
  from = terraform_data.legacy
  lifecycle { destroy = false }
}
moved {
  from = terraform_data.old_name
  to   = terraform_data.new_name
}
resource "terraform_data" "new_name" {
  input = "renamed"
}
resource "terraform_data" "cache" {
  input = "redis"
}
output "db_password" {
  value     = var.db_password
  sensitive = true
}
output "web_count" {
  value = length(terraform_data.web)
}
