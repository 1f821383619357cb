# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cloudops_global_optspecs
    string join \n format= color= q/quiet v/verbose config= no-config profile= data-dir= store= h/help V/version
end

function __fish_cloudops_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cloudops_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cloudops_using_subcommand
    set -l cmd (__fish_cloudops_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cloudops -n "__fish_cloudops_needs_command" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_needs_command" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_needs_command" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_needs_command" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_needs_command" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_needs_command" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_needs_command" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_needs_command" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_needs_command" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cloudops -n "__fish_cloudops_needs_command" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "plan" -d 'Analyse Terraform plans'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "repo" -d 'Find and assess Terraform code in GitHub repositories or a local directory'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "config" -d 'Show and change settings: the user config, its profiles, and where values come from'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "signup" -d 'Create an account in the configured Cognito user pool (a code is emailed to confirm it)'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "confirm" -d 'Confirm a new account with the emailed code (or --resend for a new code)'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "login" -d 'Sign in to the configured Cognito user pool; the tokens go to the OS keyring'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "logout" -d 'Sign out on every device (revoking the refresh token) and forget the stored tokens'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "auth" -d 'Who is logged in, tokens for scripts, and the GitHub token for `repo scan`'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "cost" -d 'AWS spend from Cost Explorer: by service (or account, region, usage type, tag), daily trend and month-end forecast; answers are cached for 12 hours'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "budget" -d 'Budgets with SNS alerts: set, list, delete, and check month-to-date spend against them'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish); see the README for where to put it'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "dashboard" -d 'The plan history, drift, cost and budgets as web pages: served on 127.0.0.1 behind a per-run token (read-only), or written as static HTML with --export'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "policy" -d 'Rego policies: run their tests (`policy test`, as `opa test` and `conftest verify`)'
complete -c cloudops -n "__fish_cloudops_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -f -a "analyze" -d 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -f -a "comment" -d 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -f -a "explain" -d 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -f -a "history" -d 'Saved analyses: list them (the default), show one, compare two, delete one'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and not __fish_seen_subcommand_from analyze comment explain history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l fail-on -d 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l max-destroy -d 'Exit 3 when the plan destroys more than N resources' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l mass-destroy-threshold -d 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l terraform-bin -d 'Terraform (or OpenTofu) binary used to read binary plan files' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l ignore-rule -d 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l ignore-address -d 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l policy -d 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l namespace -d 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l policy-timeout -d 'Seconds one policy rule may run on one input before it is stopped (exit 1)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l workspace -d 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l retention-days -d 'Days a saved analysis is kept; 0 keeps it forever [default: 30]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l model -d 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l stream -d 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l detailed-exitcode -d 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan\'s `applyable`), 0 when not, 1 when Terraform reported a planning error'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l no-mask-secret-names -d 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l all-namespaces -d 'Run the rules of every package the policies declare'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l policy-unmasked -d 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l save -d 'Keep this analysis in the plan history (see `cloudops plan history`)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l save-plan -d 'Also keep the plan itself, redacted and compressed (implies --save)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l explain -d 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from analyze" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l fail-on -d 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l max-destroy -d 'Exit 3 when the plan destroys more than N resources' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l mass-destroy-threshold -d 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l terraform-bin -d 'Terraform (or OpenTofu) binary used to read binary plan files' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l ignore-rule -d 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l ignore-address -d 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l policy -d 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l namespace -d 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l policy-timeout -d 'Seconds one policy rule may run on one input before it is stopped (exit 1)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l workspace -d 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l retention-days -d 'Days a saved analysis is kept; 0 keeps it forever [default: 30]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l model -d 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l stream -d 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l repo -d 'The repository, OWNER/NAME [default: $GITHUB_REPOSITORY]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l pr -d 'The pull request number [default: from the GitHub Actions event ($GITHUB_EVENT_PATH)]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l behavior -d 'update: edit this workspace\'s comment in place (the default); new: post a new one and mark the old ones outdated; delete-and-new: delete the old ones, then post' -r -f -a "update\t''
new\t''
delete-and-new\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l github-api -d 'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3) [default: $GITHUB_API_URL, else https://api.github.com]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l detailed-exitcode -d 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan\'s `applyable`), 0 when not, 1 when Terraform reported a planning error'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l no-mask-secret-names -d 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l all-namespaces -d 'Run the rules of every package the policies declare'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l policy-unmasked -d 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l save -d 'Keep this analysis in the plan history (see `cloudops plan history`)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l save-plan -d 'Also keep the plan itself, redacted and compressed (implies --save)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l explain -d 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l no-wait -d 'On a GitHub rate limit, fail instead of waiting for the reset'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from comment" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l fail-on -d 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l max-destroy -d 'Exit 3 when the plan destroys more than N resources' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l mass-destroy-threshold -d 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l terraform-bin -d 'Terraform (or OpenTofu) binary used to read binary plan files' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l ignore-rule -d 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l ignore-address -d 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l policy -d 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l namespace -d 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l policy-timeout -d 'Seconds one policy rule may run on one input before it is stopped (exit 1)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l workspace -d 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l retention-days -d 'Days a saved analysis is kept; 0 keeps it forever [default: 30]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l model -d 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l stream -d 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l detailed-exitcode -d 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan\'s `applyable`), 0 when not, 1 when Terraform reported a planning error'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l no-mask-secret-names -d 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l all-namespaces -d 'Run the rules of every package the policies declare'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l policy-unmasked -d 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l save -d 'Keep this analysis in the plan history (see `cloudops plan history`)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l save-plan -d 'Also keep the plan itself, redacted and compressed (implies --save)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l explain -d 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from explain" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l workspace -d 'Only this workspace' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l since -d 'Only analyses saved since: a date (2026-11-01, UTC), a time (2026-11-01T08:00:00Z) or an age (90m, 36h, 7d, 2w)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l limit -d 'Entries per page; 0 lists all' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l page -d 'Continue a listing where the previous page ended (printed after each page)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -f -a "list" -d 'List saved analyses, newest first'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -f -a "show" -d 'Show one saved analysis in any --format, as `plan analyze` printed it'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -f -a "diff" -d 'Compare two saved analyses: what started or stopped changing, findings, drift'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -f -a "delete" -d 'Delete one saved analysis'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -f -a "import" -d 'Copy the embedded store\'s history into the shared one (DynamoDB); entries already there are recognised and not copied twice'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from history" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from help" -f -a "analyze" -d 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from help" -f -a "comment" -d 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from help" -f -a "history" -d 'Saved analyses: list them (the default), show one, compare two, delete one'
complete -c cloudops -n "__fish_cloudops_using_subcommand plan; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -f -a "scan" -d 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and not __fish_seen_subcommand_from scan help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l include -d 'Only files whose path (relative to the repository) matches (repeatable; `**` spans directories)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l exclude -d 'Skip files whose path matches (repeatable), e.g. `examples/**`' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l repos -d 'With OWNER: only repositories whose name matches (repeatable)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l concurrency -d 'Repositories fetched at once' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l terraform-bin -d 'Terraform binary for --plan' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l fail-on -d 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l github-api -d 'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l policy -d 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l namespace -d 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l policy-timeout -d 'Seconds one policy rule may run on one input before it is stopped (exit 1)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, sarif for code scanning' -r -f -a "table\t''
json\t''
markdown\t''
sarif\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l data-dir -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l store -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l skip-archived -d 'With OWNER: leave out archived repositories'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l skip-forks -d 'With OWNER: leave out forks'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l no-wait -d 'Stop with an error at GitHub\'s rate limit instead of waiting for it to reset'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l plan -d 'For a local directory: run `terraform init`, `plan` and `show -json` in each root module and analyse the plan (drift, changes, plan findings); a failure is reported as a failure, never as "no changes"'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l allow-skipped -d 'With --fail-on: do not fail because files were skipped (over 4 MiB, not UTF-8, unreadable, special files, syntax not read yet); they are still listed'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l all-namespaces -d 'Run the rules of every package the policies declare'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l policy-unmasked -d 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from scan" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from help" -f -a "scan" -d 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage'
complete -c cloudops -n "__fish_cloudops_using_subcommand repo; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -f -a "path" -d 'Where the settings files are, and which profile is in use'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -f -a "list" -d 'Every setting\'s value and where it comes from (flag defaults, environment, files)'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -f -a "get" -d 'One setting\'s value, e.g. `cloudops config get plan.fail_on`'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -f -a "set" -d 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -f -a "unset" -d 'Remove a value from the user config (from the `--profile` given, else the base)'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -f -a "from-stack" -d 'Set the auth and aws settings from a deployed deploy/ stack\'s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and not __fish_seen_subcommand_from path list get set unset from-stack help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l region -d 'The stack\'s region [default: AWS_REGION, aws.region, or the AWS profile\'s]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from from-stack" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Where the settings files are, and which profile is in use'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every setting\'s value and where it comes from (flag defaults, environment, files)'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'One setting\'s value, e.g. `cloudops config get plan.fail_on`'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove a value from the user config (from the `--profile` given, else the base)'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "from-stack" -d 'Set the auth and aws settings from a deployed deploy/ stack\'s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given'
complete -c cloudops -n "__fish_cloudops_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l email -d 'The account\'s email address (asked for on a terminal when not given)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l password-stdin -d 'Read the password from standard input instead of asking for it (never pass it as an argument: it would show in the process list and shell history)'
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand signup" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l email -d 'The account\'s email address (asked for on a terminal when not given)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l code -d 'The code from the email (asked for on a terminal when not given)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l resend -d 'Send a new code instead of confirming'
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand confirm" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l email -d 'The account\'s email address (asked for on a terminal when not given)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l password-stdin -d 'Read the password from standard input instead of asking for it'
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l insecure-storage -d 'When no OS keyring works, keep the tokens in a 0600 file in the config directory instead of refusing (also `auth.insecure_storage = true`)'
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand login" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l local -d 'Only forget the tokens on this machine; do not revoke them (e.g. when offline)'
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand logout" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -f -a "status" -d 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -f -a "token" -d 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -f -a "github" -d 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and not __fish_seen_subcommand_from status token github help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l id -d 'Print the ID token instead (it carries the user\'s claims)'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -f -a "login" -d 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -f -a "logout" -d 'Forget the stored token'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -f -a "status" -d 'Say whether a token is stored, and which one `repo scan` would use'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from github" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "github" -d 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)'
complete -c cloudops -n "__fish_cloudops_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l month -d 'One calendar month, YYYY-MM (the current one runs up to today)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l last -d 'The N days up to and including today, e.g. 30d' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l start -d 'First day, YYYY-MM-DD (with --end)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l end -d 'Day after the last one, YYYY-MM-DD: the end is exclusive, as in Cost Explorer (--start 2026-11-01 --end 2026-12-01 is all of November)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l granularity -d 'One row per day or per month' -r -f -a "daily\t''
monthly\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l group-by -d 'Split by service, account, region, usage-type, tag:KEY, or none' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l metric -d 'Cost metric: unblended (what the bill shows), blended, amortized (upfront fees spread over the term), net (after discounts)' -r -f -a "unblended\t''
blended\t''
amortized\t''
net\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l filter -d 'Only costs matching KEY=VALUE (service, account, region, usage-type, tag:KEY); repeat for more: the same key means either value, different keys all of them' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l forecast -d 'Month-end forecast for the current month: local (straight line from month-to-date spend, no extra request), aws (Cost Explorer\'s GetCostForecast), or none' -r -f -a "local\t''
aws\t''
none\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l top -d 'Groups listed in the table (the rest are summed as "other")' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l last-month -d 'Last calendar month [default: this month, up to today]'
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l refresh -d 'Ask Cost Explorer again even if a cached answer is younger than 12 hours'
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand cost" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -f -a "set" -d 'Create or update a budget (an update keeps the record of alerts already sent)'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -f -a "list" -d 'List budgets'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -f -a "delete" -d 'Delete a budget and its alert records'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -f -a "check" -d 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and not __fish_seen_subcommand_from set list delete check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l amount -d 'Monthly amount, e.g. 100 or 99.50' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l currency -d 'Currency; must be the one Cost Explorer reports in' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l thresholds -d 'Alert thresholds, percent of the amount (1-1000)' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l service -d 'Count only this service\'s spend, as Cost Explorer names it (e.g. "Amazon Elastic Compute Cloud - Compute"); checked against your account\'s services' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l notify -d 'Subscribe this email address to the alert topic (aws.alert_topic); SNS mails a confirmation link first' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l topic -d 'Publish this budget\'s alerts to this SNS topic ARN [default: aws.alert_topic]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l refresh -d 'Ask Cost Explorer again even if a cached answer is younger than 12 hours'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create or update a budget (an update keeps the record of alerts already sent)'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "list" -d 'List budgets'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a budget and its alert records'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "check" -d 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed'
complete -c cloudops -n "__fish_cloudops_using_subcommand budget; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand completions" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l port -d 'Port on 127.0.0.1 to serve on [default: a free port]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l export -d 'Write every page as self-contained static HTML into DIR (created if missing) and exit, instead of serving; open DIR/index.html, offline' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l no-open -d 'Print the URL without opening a browser'
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand dashboard" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -f -a "test" -d 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and not __fish_seen_subcommand_from test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l policy-timeout -d 'Seconds one test may run before it is stopped' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l format -d 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)' -r -f -a "table\t''
json\t''
markdown\t''
github\t''
sarif\t''
junit\t''
csv\t''
html\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l color -d 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l config -d 'Project settings file [default: the nearest .cloudops.toml up to the repository root]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l profile -d 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config\'s `profile` key]' -r
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l data-dir -d 'Directory of the local store (plan history, budgets, cached costs) [default: the platform\'s data directory, e.g. ~/.local/share/cloudops]' -r -F
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l store -d 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)' -r -f -a "auto\t''
local\t''
dynamodb\t''"
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only the result: no warnings or progress on stderr'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More diagnostics on stderr (-v, -vv); secrets are never logged'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -l no-config -d 'Read no settings file: neither .cloudops.toml nor the user config'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "test" -d 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors'
complete -c cloudops -n "__fish_cloudops_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "plan" -d 'Analyse Terraform plans'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "repo" -d 'Find and assess Terraform code in GitHub repositories or a local directory'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "config" -d 'Show and change settings: the user config, its profiles, and where values come from'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "signup" -d 'Create an account in the configured Cognito user pool (a code is emailed to confirm it)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "confirm" -d 'Confirm a new account with the emailed code (or --resend for a new code)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "login" -d 'Sign in to the configured Cognito user pool; the tokens go to the OS keyring'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "logout" -d 'Sign out on every device (revoking the refresh token) and forget the stored tokens'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "auth" -d 'Who is logged in, tokens for scripts, and the GitHub token for `repo scan`'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "cost" -d 'AWS spend from Cost Explorer: by service (or account, region, usage type, tag), daily trend and month-end forecast; answers are cached for 12 hours'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "budget" -d 'Budgets with SNS alerts: set, list, delete, and check month-to-date spend against them'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish); see the README for where to put it'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "dashboard" -d 'The plan history, drift, cost and budgets as web pages: served on 127.0.0.1 behind a per-run token (read-only), or written as static HTML with --export'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "policy" -d 'Rego policies: run their tests (`policy test`, as `opa test` and `conftest verify`)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and not __fish_seen_subcommand_from plan repo config signup confirm login logout auth cost budget completions dashboard policy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from plan" -f -a "analyze" -d 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from plan" -f -a "comment" -d 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from plan" -f -a "explain" -d 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from plan" -f -a "history" -d 'Saved analyses: list them (the default), show one, compare two, delete one'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from repo" -f -a "scan" -d 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Where the settings files are, and which profile is in use'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Every setting\'s value and where it comes from (flag defaults, environment, files)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'One setting\'s value, e.g. `cloudops config get plan.fail_on`'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove a value from the user config (from the `--profile` given, else the base)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "from-stack" -d 'Set the auth and aws settings from a deployed deploy/ stack\'s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "github" -d 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "set" -d 'Create or update a budget (an update keeps the record of alerts already sent)'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "list" -d 'List budgets'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "delete" -d 'Delete a budget and its alert records'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from budget" -f -a "check" -d 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed'
complete -c cloudops -n "__fish_cloudops_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "test" -d 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors'
