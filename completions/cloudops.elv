
use builtin;
use str;

set edit:completion:arg-completer[cloudops] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cloudops'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cloudops'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand plan 'Analyse Terraform plans'
            cand repo 'Find and assess Terraform code in GitHub repositories or a local directory'
            cand config 'Show and change settings: the user config, its profiles, and where values come from'
            cand signup 'Create an account in the configured Cognito user pool (a code is emailed to confirm it)'
            cand confirm 'Confirm a new account with the emailed code (or --resend for a new code)'
            cand login 'Sign in to the configured Cognito user pool; the tokens go to the OS keyring'
            cand logout 'Sign out on every device (revoking the refresh token) and forget the stored tokens'
            cand auth 'Who is logged in, tokens for scripts, and the GitHub token for `repo scan`'
            cand cost 'AWS spend from Cost Explorer: by service (or account, region, usage type, tag), daily trend and month-end forecast; answers are cached for 12 hours'
            cand budget 'Budgets with SNS alerts: set, list, delete, and check month-to-date spend against them'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish); see the README for where to put it'
            cand dashboard 'The plan history, drift, cost and budgets as web pages: served on 127.0.0.1 behind a per-run token (read-only), or written as static HTML with --export'
            cand policy 'Rego policies: run their tests (`policy test`, as `opa test` and `conftest verify`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;plan'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand analyze 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI'
            cand comment 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run'
            cand explain 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value'
            cand history 'Saved analyses: list them (the default), show one, compare two, delete one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;plan;analyze'= {
            cand --fail-on 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)'
            cand --max-destroy 'Exit 3 when the plan destroys more than N resources'
            cand --mass-destroy-threshold 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]'
            cand --terraform-bin 'Terraform (or OpenTofu) binary used to read binary plan files'
            cand --ignore-rule 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected'
            cand --ignore-address 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)'
            cand --policy 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]'
            cand --namespace 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]'
            cand --policy-timeout 'Seconds one policy rule may run on one input before it is stopped (exit 1)'
            cand --workspace 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]'
            cand --retention-days 'Days a saved analysis is kept; 0 keeps it forever [default: 30]'
            cand --model 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]'
            cand --stream 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --detailed-exitcode 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan''s `applyable`), 0 when not, 1 when Terraform reported a planning error'
            cand --no-mask-secret-names 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive'
            cand --all-namespaces 'Run the rules of every package the policies declare'
            cand --policy-unmasked 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
            cand --save 'Keep this analysis in the plan history (see `cloudops plan history`)'
            cand --save-plan 'Also keep the plan itself, redacted and compressed (implies --save)'
            cand --explain 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;comment'= {
            cand --fail-on 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)'
            cand --max-destroy 'Exit 3 when the plan destroys more than N resources'
            cand --mass-destroy-threshold 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]'
            cand --terraform-bin 'Terraform (or OpenTofu) binary used to read binary plan files'
            cand --ignore-rule 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected'
            cand --ignore-address 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)'
            cand --policy 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]'
            cand --namespace 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]'
            cand --policy-timeout 'Seconds one policy rule may run on one input before it is stopped (exit 1)'
            cand --workspace 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]'
            cand --retention-days 'Days a saved analysis is kept; 0 keeps it forever [default: 30]'
            cand --model 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]'
            cand --stream 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never'
            cand --repo 'The repository, OWNER/NAME [default: $GITHUB_REPOSITORY]'
            cand --pr 'The pull request number [default: from the GitHub Actions event ($GITHUB_EVENT_PATH)]'
            cand --behavior 'update: edit this workspace''s comment in place (the default); new: post a new one and mark the old ones outdated; delete-and-new: delete the old ones, then post'
            cand --github-api 'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3) [default: $GITHUB_API_URL, else https://api.github.com]'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --detailed-exitcode 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan''s `applyable`), 0 when not, 1 when Terraform reported a planning error'
            cand --no-mask-secret-names 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive'
            cand --all-namespaces 'Run the rules of every package the policies declare'
            cand --policy-unmasked 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
            cand --save 'Keep this analysis in the plan history (see `cloudops plan history`)'
            cand --save-plan 'Also keep the plan itself, redacted and compressed (implies --save)'
            cand --explain 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)'
            cand --no-wait 'On a GitHub rate limit, fail instead of waiting for the reset'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;explain'= {
            cand --fail-on 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)'
            cand --max-destroy 'Exit 3 when the plan destroys more than N resources'
            cand --mass-destroy-threshold 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]'
            cand --terraform-bin 'Terraform (or OpenTofu) binary used to read binary plan files'
            cand --ignore-rule 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected'
            cand --ignore-address 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)'
            cand --policy 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]'
            cand --namespace 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]'
            cand --policy-timeout 'Seconds one policy rule may run on one input before it is stopped (exit 1)'
            cand --workspace 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]'
            cand --retention-days 'Days a saved analysis is kept; 0 keeps it forever [default: 30]'
            cand --model 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]'
            cand --stream 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --detailed-exitcode 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan''s `applyable`), 0 when not, 1 when Terraform reported a planning error'
            cand --no-mask-secret-names 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive'
            cand --all-namespaces 'Run the rules of every package the policies declare'
            cand --policy-unmasked 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
            cand --save 'Keep this analysis in the plan history (see `cloudops plan history`)'
            cand --save-plan 'Also keep the plan itself, redacted and compressed (implies --save)'
            cand --explain 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;history'= {
            cand --workspace 'Only this workspace'
            cand --since 'Only analyses saved since: a date (2026-11-01, UTC), a time (2026-11-01T08:00:00Z) or an age (90m, 36h, 7d, 2w)'
            cand --limit 'Entries per page; 0 lists all'
            cand --page 'Continue a listing where the previous page ended (printed after each page)'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List saved analyses, newest first'
            cand show 'Show one saved analysis in any --format, as `plan analyze` printed it'
            cand diff 'Compare two saved analyses: what started or stopped changing, findings, drift'
            cand delete 'Delete one saved analysis'
            cand import 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;plan;history;list'= {
            cand --workspace 'Only this workspace'
            cand --since 'Only analyses saved since: a date (2026-11-01, UTC), a time (2026-11-01T08:00:00Z) or an age (90m, 36h, 7d, 2w)'
            cand --limit 'Entries per page; 0 lists all'
            cand --page 'Continue a listing where the previous page ended (printed after each page)'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;history;show'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --plan 'Print the saved (redacted) plan JSON instead of the analysis (needs --save-plan at save)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;history;diff'= {
            cand --last 'Compare the N-th newest entry with the newest one (`--last 2`: the latest two)'
            cand --workspace 'With --last: the workspace [default: the workspace of the newest entry]'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;history;delete'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;history;import'= {
            cand --from 'Where to copy from (the embedded store in --data-dir)'
            cand --workspace 'Only this workspace'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;plan;history;help'= {
            cand list 'List saved analyses, newest first'
            cand show 'Show one saved analysis in any --format, as `plan analyze` printed it'
            cand diff 'Compare two saved analyses: what started or stopped changing, findings, drift'
            cand delete 'Delete one saved analysis'
            cand import 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;plan;history;help;list'= {
        }
        &'cloudops;plan;history;help;show'= {
        }
        &'cloudops;plan;history;help;diff'= {
        }
        &'cloudops;plan;history;help;delete'= {
        }
        &'cloudops;plan;history;help;import'= {
        }
        &'cloudops;plan;history;help;help'= {
        }
        &'cloudops;plan;help'= {
            cand analyze 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI'
            cand comment 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run'
            cand explain 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value'
            cand history 'Saved analyses: list them (the default), show one, compare two, delete one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;plan;help;analyze'= {
        }
        &'cloudops;plan;help;comment'= {
        }
        &'cloudops;plan;help;explain'= {
        }
        &'cloudops;plan;help;history'= {
            cand list 'List saved analyses, newest first'
            cand show 'Show one saved analysis in any --format, as `plan analyze` printed it'
            cand diff 'Compare two saved analyses: what started or stopped changing, findings, drift'
            cand delete 'Delete one saved analysis'
            cand import 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice'
        }
        &'cloudops;plan;help;history;list'= {
        }
        &'cloudops;plan;help;history;show'= {
        }
        &'cloudops;plan;help;history;diff'= {
        }
        &'cloudops;plan;help;history;delete'= {
        }
        &'cloudops;plan;help;history;import'= {
        }
        &'cloudops;plan;help;help'= {
        }
        &'cloudops;repo'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand scan 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;repo;scan'= {
            cand --include 'Only files whose path (relative to the repository) matches (repeatable; `**` spans directories)'
            cand --exclude 'Skip files whose path matches (repeatable), e.g. `examples/**`'
            cand --repos 'With OWNER: only repositories whose name matches (repeatable)'
            cand --concurrency 'Repositories fetched at once'
            cand --terraform-bin 'Terraform binary for --plan'
            cand --fail-on 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)'
            cand --github-api 'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3)'
            cand --policy 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]'
            cand --namespace 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]'
            cand --policy-timeout 'Seconds one policy rule may run on one input before it is stopped (exit 1)'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, sarif for code scanning'
            cand --data-dir 'data-dir'
            cand --store 'store'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --skip-archived 'With OWNER: leave out archived repositories'
            cand --skip-forks 'With OWNER: leave out forks'
            cand --no-wait 'Stop with an error at GitHub''s rate limit instead of waiting for it to reset'
            cand --plan 'For a local directory: run `terraform init`, `plan` and `show -json` in each root module and analyse the plan (drift, changes, plan findings); a failure is reported as a failure, never as "no changes"'
            cand --allow-skipped 'With --fail-on: do not fail because files were skipped (over 4 MiB, not UTF-8, unreadable, special files, syntax not read yet); they are still listed'
            cand --all-namespaces 'Run the rules of every package the policies declare'
            cand --policy-unmasked 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;repo;help'= {
            cand scan 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;repo;help;scan'= {
        }
        &'cloudops;repo;help;help'= {
        }
        &'cloudops;config'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand path 'Where the settings files are, and which profile is in use'
            cand list 'Every setting''s value and where it comes from (flag defaults, environment, files)'
            cand get 'One setting''s value, e.g. `cloudops config get plan.fail_on`'
            cand set 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`'
            cand unset 'Remove a value from the user config (from the `--profile` given, else the base)'
            cand from-stack 'Set the auth and aws settings from a deployed deploy/ stack''s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;config;path'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;config;list'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;config;get'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;config;set'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;config;unset'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;config;from-stack'= {
            cand --region 'The stack''s region [default: AWS_REGION, aws.region, or the AWS profile''s]'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;config;help'= {
            cand path 'Where the settings files are, and which profile is in use'
            cand list 'Every setting''s value and where it comes from (flag defaults, environment, files)'
            cand get 'One setting''s value, e.g. `cloudops config get plan.fail_on`'
            cand set 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`'
            cand unset 'Remove a value from the user config (from the `--profile` given, else the base)'
            cand from-stack 'Set the auth and aws settings from a deployed deploy/ stack''s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;config;help;path'= {
        }
        &'cloudops;config;help;list'= {
        }
        &'cloudops;config;help;get'= {
        }
        &'cloudops;config;help;set'= {
        }
        &'cloudops;config;help;unset'= {
        }
        &'cloudops;config;help;from-stack'= {
        }
        &'cloudops;config;help;help'= {
        }
        &'cloudops;signup'= {
            cand --email 'The account''s email address (asked for on a terminal when not given)'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --password-stdin 'Read the password from standard input instead of asking for it (never pass it as an argument: it would show in the process list and shell history)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;confirm'= {
            cand --email 'The account''s email address (asked for on a terminal when not given)'
            cand --code 'The code from the email (asked for on a terminal when not given)'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --resend 'Send a new code instead of confirming'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;login'= {
            cand --email 'The account''s email address (asked for on a terminal when not given)'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --password-stdin 'Read the password from standard input instead of asking for it'
            cand --insecure-storage 'When no OS keyring works, keep the tokens in a 0600 file in the config directory instead of refusing (also `auth.insecure_storage = true`)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;logout'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --local 'Only forget the tokens on this machine; do not revoke them (e.g. when offline)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;auth'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire'
            cand token 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`'
            cand github 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;auth;status'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;auth;token'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --id 'Print the ID token instead (it carries the user''s claims)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;auth;github'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`'
            cand logout 'Forget the stored token'
            cand status 'Say whether a token is stored, and which one `repo scan` would use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;auth;github;login'= {
            cand --github-api 'The GitHub API the token is for [default: https://api.github.com]'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --insecure-storage 'When no OS keyring works, keep the token in a 0600 file in the config directory'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;auth;github;logout'= {
            cand --github-api 'The GitHub API the token is for [default: https://api.github.com]'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;auth;github;status'= {
            cand --github-api 'The GitHub API the token is for [default: https://api.github.com]'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;auth;github;help'= {
            cand login 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`'
            cand logout 'Forget the stored token'
            cand status 'Say whether a token is stored, and which one `repo scan` would use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;auth;github;help;login'= {
        }
        &'cloudops;auth;github;help;logout'= {
        }
        &'cloudops;auth;github;help;status'= {
        }
        &'cloudops;auth;github;help;help'= {
        }
        &'cloudops;auth;help'= {
            cand status 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire'
            cand token 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`'
            cand github 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;auth;help;status'= {
        }
        &'cloudops;auth;help;token'= {
        }
        &'cloudops;auth;help;github'= {
            cand login 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`'
            cand logout 'Forget the stored token'
            cand status 'Say whether a token is stored, and which one `repo scan` would use'
        }
        &'cloudops;auth;help;github;login'= {
        }
        &'cloudops;auth;help;github;logout'= {
        }
        &'cloudops;auth;help;github;status'= {
        }
        &'cloudops;auth;help;help'= {
        }
        &'cloudops;cost'= {
            cand --month 'One calendar month, YYYY-MM (the current one runs up to today)'
            cand --last 'The N days up to and including today, e.g. 30d'
            cand --start 'First day, YYYY-MM-DD (with --end)'
            cand --end 'Day after the last one, YYYY-MM-DD: the end is exclusive, as in Cost Explorer (--start 2026-11-01 --end 2026-12-01 is all of November)'
            cand --granularity 'One row per day or per month'
            cand --group-by 'Split by service, account, region, usage-type, tag:KEY, or none'
            cand --metric 'Cost metric: unblended (what the bill shows), blended, amortized (upfront fees spread over the term), net (after discounts)'
            cand --filter 'Only costs matching KEY=VALUE (service, account, region, usage-type, tag:KEY); repeat for more: the same key means either value, different keys all of them'
            cand --forecast 'Month-end forecast for the current month: local (straight line from month-to-date spend, no extra request), aws (Cost Explorer''s GetCostForecast), or none'
            cand --top 'Groups listed in the table (the rest are summed as "other")'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --last-month 'Last calendar month [default: this month, up to today]'
            cand --refresh 'Ask Cost Explorer again even if a cached answer is younger than 12 hours'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;budget'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Create or update a budget (an update keeps the record of alerts already sent)'
            cand list 'List budgets'
            cand delete 'Delete a budget and its alert records'
            cand check 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;budget;set'= {
            cand --amount 'Monthly amount, e.g. 100 or 99.50'
            cand --currency 'Currency; must be the one Cost Explorer reports in'
            cand --thresholds 'Alert thresholds, percent of the amount (1-1000)'
            cand --service 'Count only this service''s spend, as Cost Explorer names it (e.g. "Amazon Elastic Compute Cloud - Compute"); checked against your account''s services'
            cand --notify 'Subscribe this email address to the alert topic (aws.alert_topic); SNS mails a confirmation link first'
            cand --topic 'Publish this budget''s alerts to this SNS topic ARN [default: aws.alert_topic]'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;budget;list'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;budget;delete'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;budget;check'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --refresh 'Ask Cost Explorer again even if a cached answer is younger than 12 hours'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;budget;help'= {
            cand set 'Create or update a budget (an update keeps the record of alerts already sent)'
            cand list 'List budgets'
            cand delete 'Delete a budget and its alert records'
            cand check 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;budget;help;set'= {
        }
        &'cloudops;budget;help;list'= {
        }
        &'cloudops;budget;help;delete'= {
        }
        &'cloudops;budget;help;check'= {
        }
        &'cloudops;budget;help;help'= {
        }
        &'cloudops;completions'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;dashboard'= {
            cand --port 'Port on 127.0.0.1 to serve on [default: a free port]'
            cand --export 'Write every page as self-contained static HTML into DIR (created if missing) and exit, instead of serving; open DIR/index.html, offline'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand --no-open 'Print the URL without opening a browser'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;policy'= {
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;policy;test'= {
            cand --policy-timeout 'Seconds one test may run before it is stopped'
            cand --format 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)'
            cand --color 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)'
            cand --config 'Project settings file [default: the nearest .cloudops.toml up to the repository root]'
            cand --profile 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]'
            cand --data-dir 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]'
            cand --store 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)'
            cand -q 'Print only the result: no warnings or progress on stderr'
            cand --quiet 'Print only the result: no warnings or progress on stderr'
            cand -v 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --verbose 'More diagnostics on stderr (-v, -vv); secrets are never logged'
            cand --no-config 'Read no settings file: neither .cloudops.toml nor the user config'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'cloudops;policy;help'= {
            cand test 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;policy;help;test'= {
        }
        &'cloudops;policy;help;help'= {
        }
        &'cloudops;help'= {
            cand plan 'Analyse Terraform plans'
            cand repo 'Find and assess Terraform code in GitHub repositories or a local directory'
            cand config 'Show and change settings: the user config, its profiles, and where values come from'
            cand signup 'Create an account in the configured Cognito user pool (a code is emailed to confirm it)'
            cand confirm 'Confirm a new account with the emailed code (or --resend for a new code)'
            cand login 'Sign in to the configured Cognito user pool; the tokens go to the OS keyring'
            cand logout 'Sign out on every device (revoking the refresh token) and forget the stored tokens'
            cand auth 'Who is logged in, tokens for scripts, and the GitHub token for `repo scan`'
            cand cost 'AWS spend from Cost Explorer: by service (or account, region, usage type, tag), daily trend and month-end forecast; answers are cached for 12 hours'
            cand budget 'Budgets with SNS alerts: set, list, delete, and check month-to-date spend against them'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish); see the README for where to put it'
            cand dashboard 'The plan history, drift, cost and budgets as web pages: served on 127.0.0.1 behind a per-run token (read-only), or written as static HTML with --export'
            cand policy 'Rego policies: run their tests (`policy test`, as `opa test` and `conftest verify`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cloudops;help;plan'= {
            cand analyze 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI'
            cand comment 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run'
            cand explain 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value'
            cand history 'Saved analyses: list them (the default), show one, compare two, delete one'
        }
        &'cloudops;help;plan;analyze'= {
        }
        &'cloudops;help;plan;comment'= {
        }
        &'cloudops;help;plan;explain'= {
        }
        &'cloudops;help;plan;history'= {
            cand list 'List saved analyses, newest first'
            cand show 'Show one saved analysis in any --format, as `plan analyze` printed it'
            cand diff 'Compare two saved analyses: what started or stopped changing, findings, drift'
            cand delete 'Delete one saved analysis'
            cand import 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice'
        }
        &'cloudops;help;plan;history;list'= {
        }
        &'cloudops;help;plan;history;show'= {
        }
        &'cloudops;help;plan;history;diff'= {
        }
        &'cloudops;help;plan;history;delete'= {
        }
        &'cloudops;help;plan;history;import'= {
        }
        &'cloudops;help;repo'= {
            cand scan 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage'
        }
        &'cloudops;help;repo;scan'= {
        }
        &'cloudops;help;config'= {
            cand path 'Where the settings files are, and which profile is in use'
            cand list 'Every setting''s value and where it comes from (flag defaults, environment, files)'
            cand get 'One setting''s value, e.g. `cloudops config get plan.fail_on`'
            cand set 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`'
            cand unset 'Remove a value from the user config (from the `--profile` given, else the base)'
            cand from-stack 'Set the auth and aws settings from a deployed deploy/ stack''s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given'
        }
        &'cloudops;help;config;path'= {
        }
        &'cloudops;help;config;list'= {
        }
        &'cloudops;help;config;get'= {
        }
        &'cloudops;help;config;set'= {
        }
        &'cloudops;help;config;unset'= {
        }
        &'cloudops;help;config;from-stack'= {
        }
        &'cloudops;help;signup'= {
        }
        &'cloudops;help;confirm'= {
        }
        &'cloudops;help;login'= {
        }
        &'cloudops;help;logout'= {
        }
        &'cloudops;help;auth'= {
            cand status 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire'
            cand token 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`'
            cand github 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)'
        }
        &'cloudops;help;auth;status'= {
        }
        &'cloudops;help;auth;token'= {
        }
        &'cloudops;help;auth;github'= {
            cand login 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`'
            cand logout 'Forget the stored token'
            cand status 'Say whether a token is stored, and which one `repo scan` would use'
        }
        &'cloudops;help;auth;github;login'= {
        }
        &'cloudops;help;auth;github;logout'= {
        }
        &'cloudops;help;auth;github;status'= {
        }
        &'cloudops;help;cost'= {
        }
        &'cloudops;help;budget'= {
            cand set 'Create or update a budget (an update keeps the record of alerts already sent)'
            cand list 'List budgets'
            cand delete 'Delete a budget and its alert records'
            cand check 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed'
        }
        &'cloudops;help;budget;set'= {
        }
        &'cloudops;help;budget;list'= {
        }
        &'cloudops;help;budget;delete'= {
        }
        &'cloudops;help;budget;check'= {
        }
        &'cloudops;help;completions'= {
        }
        &'cloudops;help;dashboard'= {
        }
        &'cloudops;help;policy'= {
            cand test 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors'
        }
        &'cloudops;help;policy;test'= {
        }
        &'cloudops;help;help'= {
        }
    ]
    $completions[$command]
}
