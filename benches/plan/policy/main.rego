# The policy the benchmark runs on the large plan, as a team's conftest policy would read
# it: Terraform's own `resource_changes`, plus cloudops's analysis under `input.cloudops`.
package main

import rego.v1

protected := {"terraform_data"}

deny contains msg if {
	some rc in input.resource_changes
	rc.type in protected
	"delete" in rc.change.actions
	not "create" in rc.change.actions
	msg := sprintf("%s: the plan deletes a protected resource", [rc.address])
}

warn contains msg if {
	some c in input.cloudops.changes
	c.action == "replace"
	msg := sprintf("%s is replaced (%v)", [c.address, c.replace_paths])
}

warn_drift contains msg if {
	count(input.cloudops.drift) > 0
	msg := sprintf("%d resources drifted", [count(input.cloudops.drift)])
}
