variable "db_password" {
  type      = string
  sensitive = true
  default   = "s3cr3t-Passw0rd"
}
resource "terraform_data" "web" {
  count = 3
  input = { size = "small", tags = { team = "web" } }
}
resource "terraform_data" "queue" {
  for_each = toset(["orders", "billing", "audit"])
  input    = each.key
}
resource "terraform_data" "db_config" {
  input = { engine = "postgres", password = var.db_password }
}
resource "terraform_data" "legacy" {
  input = "keep me"
}
resource "terraform_data" "old_name" {
  input = "renamed"
}
