
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cloudops' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cloudops'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cloudops' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Analyse Terraform plans')
            [CompletionResult]::new('repo', 'repo', [CompletionResultType]::ParameterValue, 'Find and assess Terraform code in GitHub repositories or a local directory')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and change settings: the user config, its profiles, and where values come from')
            [CompletionResult]::new('signup', 'signup', [CompletionResultType]::ParameterValue, 'Create an account in the configured Cognito user pool (a code is emailed to confirm it)')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Confirm a new account with the emailed code (or --resend for a new code)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in to the configured Cognito user pool; the tokens go to the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out on every device (revoking the refresh token) and forget the stored tokens')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Who is logged in, tokens for scripts, and the GitHub token for `repo scan`')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'AWS spend from Cost Explorer: by service (or account, region, usage type, tag), daily trend and month-end forecast; answers are cached for 12 hours')
            [CompletionResult]::new('budget', 'budget', [CompletionResultType]::ParameterValue, 'Budgets with SNS alerts: set, list, delete, and check month-to-date spend against them')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish); see the README for where to put it')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'The plan history, drift, cost and budgets as web pages: served on 127.0.0.1 behind a per-run token (read-only), or written as static HTML with --export')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Rego policies: run their tests (`policy test`, as `opa test` and `conftest verify`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;plan' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Saved analyses: list them (the default), show one, compare two, delete one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;plan;analyze' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)')
            [CompletionResult]::new('--max-destroy', '--max-destroy', [CompletionResultType]::ParameterName, 'Exit 3 when the plan destroys more than N resources')
            [CompletionResult]::new('--mass-destroy-threshold', '--mass-destroy-threshold', [CompletionResultType]::ParameterName, 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]')
            [CompletionResult]::new('--terraform-bin', '--terraform-bin', [CompletionResultType]::ParameterName, 'Terraform (or OpenTofu) binary used to read binary plan files')
            [CompletionResult]::new('--ignore-rule', '--ignore-rule', [CompletionResultType]::ParameterName, 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected')
            [CompletionResult]::new('--ignore-address', '--ignore-address', [CompletionResultType]::ParameterName, 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]')
            [CompletionResult]::new('--policy-timeout', '--policy-timeout', [CompletionResultType]::ParameterName, 'Seconds one policy rule may run on one input before it is stopped (exit 1)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Days a saved analysis is kept; 0 keeps it forever [default: 30]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan''s `applyable`), 0 when not, 1 when Terraform reported a planning error')
            [CompletionResult]::new('--no-mask-secret-names', '--no-mask-secret-names', [CompletionResultType]::ParameterName, 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Run the rules of every package the policies declare')
            [CompletionResult]::new('--policy-unmasked', '--policy-unmasked', [CompletionResultType]::ParameterName, 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Keep this analysis in the plan history (see `cloudops plan history`)')
            [CompletionResult]::new('--save-plan', '--save-plan', [CompletionResultType]::ParameterName, 'Also keep the plan itself, redacted and compressed (implies --save)')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;comment' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)')
            [CompletionResult]::new('--max-destroy', '--max-destroy', [CompletionResultType]::ParameterName, 'Exit 3 when the plan destroys more than N resources')
            [CompletionResult]::new('--mass-destroy-threshold', '--mass-destroy-threshold', [CompletionResultType]::ParameterName, 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]')
            [CompletionResult]::new('--terraform-bin', '--terraform-bin', [CompletionResultType]::ParameterName, 'Terraform (or OpenTofu) binary used to read binary plan files')
            [CompletionResult]::new('--ignore-rule', '--ignore-rule', [CompletionResultType]::ParameterName, 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected')
            [CompletionResult]::new('--ignore-address', '--ignore-address', [CompletionResultType]::ParameterName, 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]')
            [CompletionResult]::new('--policy-timeout', '--policy-timeout', [CompletionResultType]::ParameterName, 'Seconds one policy rule may run on one input before it is stopped (exit 1)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Days a saved analysis is kept; 0 keeps it forever [default: 30]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository, OWNER/NAME [default: $GITHUB_REPOSITORY]')
            [CompletionResult]::new('--pr', '--pr', [CompletionResultType]::ParameterName, 'The pull request number [default: from the GitHub Actions event ($GITHUB_EVENT_PATH)]')
            [CompletionResult]::new('--behavior', '--behavior', [CompletionResultType]::ParameterName, 'update: edit this workspace''s comment in place (the default); new: post a new one and mark the old ones outdated; delete-and-new: delete the old ones, then post')
            [CompletionResult]::new('--github-api', '--github-api', [CompletionResultType]::ParameterName, 'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3) [default: $GITHUB_API_URL, else https://api.github.com]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan''s `applyable`), 0 when not, 1 when Terraform reported a planning error')
            [CompletionResult]::new('--no-mask-secret-names', '--no-mask-secret-names', [CompletionResultType]::ParameterName, 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Run the rules of every package the policies declare')
            [CompletionResult]::new('--policy-unmasked', '--policy-unmasked', [CompletionResultType]::ParameterName, 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Keep this analysis in the plan history (see `cloudops plan history`)')
            [CompletionResult]::new('--save-plan', '--save-plan', [CompletionResultType]::ParameterName, 'Also keep the plan itself, redacted and compressed (implies --save)')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'On a GitHub rate limit, fail instead of waiting for the reset')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;explain' {
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)')
            [CompletionResult]::new('--max-destroy', '--max-destroy', [CompletionResultType]::ParameterName, 'Exit 3 when the plan destroys more than N resources')
            [CompletionResult]::new('--mass-destroy-threshold', '--mass-destroy-threshold', [CompletionResultType]::ParameterName, 'Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]')
            [CompletionResult]::new('--terraform-bin', '--terraform-bin', [CompletionResultType]::ParameterName, 'Terraform (or OpenTofu) binary used to read binary plan files')
            [CompletionResult]::new('--ignore-rule', '--ignore-rule', [CompletionResultType]::ParameterName, 'Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected')
            [CompletionResult]::new('--ignore-address', '--ignore-address', [CompletionResultType]::ParameterName, 'Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]')
            [CompletionResult]::new('--policy-timeout', '--policy-timeout', [CompletionResultType]::ParameterName, 'Seconds one policy rule may run on one input before it is stopped (exit 1)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'History workspace to save under [default: the git repository and directory, plus the Terraform workspace when not `default`]')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Days a saved analysis is kept; 0 keeps it forever [default: 30]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Bedrock model or inference profile id for the explanation [default: plan.explain_model, else us.anthropic.claude-sonnet-4-5-20250929-v1:0]')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Stream the explanation as it is written: auto (when stdout is a terminal), always, never')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'As `terraform plan -detailed-exitcode`: exit 2 when applying would change something (the plan''s `applyable`), 0 when not, 1 when Terraform reported a planning error')
            [CompletionResult]::new('--no-mask-secret-names', '--no-mask-secret-names', [CompletionResultType]::ParameterName, 'Show values of attributes whose names suggest a secret (password, token, ...) unless Terraform marked them sensitive')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Run the rules of every package the policies declare')
            [CompletionResult]::new('--policy-unmasked', '--policy-unmasked', [CompletionResultType]::ParameterName, 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Keep this analysis in the plan history (see `cloudops plan history`)')
            [CompletionResult]::new('--save-plan', '--save-plan', [CompletionResultType]::ParameterName, 'Also keep the plan itself, redacted and compressed (implies --save)')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'After the report, explain the plan with Amazon Bedrock (as `plan explain`; table format only)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;history' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only analyses saved since: a date (2026-11-01, UTC), a time (2026-11-01T08:00:00Z) or an age (90m, 36h, 7d, 2w)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Entries per page; 0 lists all')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Continue a listing where the previous page ended (printed after each page)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List saved analyses, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one saved analysis in any --format, as `plan analyze` printed it')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two saved analyses: what started or stopped changing, findings, drift')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one saved analysis')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;plan;history;list' {
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only analyses saved since: a date (2026-11-01, UTC), a time (2026-11-01T08:00:00Z) or an age (90m, 36h, 7d, 2w)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Entries per page; 0 lists all')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Continue a listing where the previous page ended (printed after each page)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;history;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Print the saved (redacted) plan JSON instead of the analysis (needs --save-plan at save)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;history;diff' {
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Compare the N-th newest entry with the newest one (`--last 2`: the latest two)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'With --last: the workspace [default: the workspace of the newest entry]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;history;delete' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;history;import' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to copy from (the embedded store in --data-dir)')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Only this workspace')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;plan;history;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List saved analyses, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one saved analysis in any --format, as `plan analyze` printed it')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two saved analyses: what started or stopped changing, findings, drift')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one saved analysis')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;plan;history;help;list' {
            break
        }
        'cloudops;plan;history;help;show' {
            break
        }
        'cloudops;plan;history;help;diff' {
            break
        }
        'cloudops;plan;history;help;delete' {
            break
        }
        'cloudops;plan;history;help;import' {
            break
        }
        'cloudops;plan;history;help;help' {
            break
        }
        'cloudops;plan;help' {
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Saved analyses: list them (the default), show one, compare two, delete one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;plan;help;analyze' {
            break
        }
        'cloudops;plan;help;comment' {
            break
        }
        'cloudops;plan;help;explain' {
            break
        }
        'cloudops;plan;help;history' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List saved analyses, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one saved analysis in any --format, as `plan analyze` printed it')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two saved analyses: what started or stopped changing, findings, drift')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one saved analysis')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice')
            break
        }
        'cloudops;plan;help;history;list' {
            break
        }
        'cloudops;plan;help;history;show' {
            break
        }
        'cloudops;plan;help;history;diff' {
            break
        }
        'cloudops;plan;help;history;delete' {
            break
        }
        'cloudops;plan;help;history;import' {
            break
        }
        'cloudops;plan;help;help' {
            break
        }
        'cloudops;repo' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;repo;scan' {
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only files whose path (relative to the repository) matches (repeatable; `**` spans directories)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip files whose path matches (repeatable), e.g. `examples/**`')
            [CompletionResult]::new('--repos', '--repos', [CompletionResultType]::ParameterName, 'With OWNER: only repositories whose name matches (repeatable)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Repositories fetched at once')
            [CompletionResult]::new('--terraform-bin', '--terraform-bin', [CompletionResultType]::ParameterName, 'Terraform binary for --plan')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 3 when a finding is at or above this severity (info, low, medium, high, critical, none)')
            [CompletionResult]::new('--github-api', '--github-api', [CompletionResultType]::ParameterName, 'GitHub API base URL (GitHub Enterprise: https://HOST/api/v3)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are left out) [default: plan.policies]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Policy package whose deny, violation and warn rules run (repeatable) [default: plan.policy_namespaces, else main]')
            [CompletionResult]::new('--policy-timeout', '--policy-timeout', [CompletionResultType]::ParameterName, 'Seconds one policy rule may run on one input before it is stopped (exit 1)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, sarif for code scanning')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'data-dir')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'store')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--skip-archived', '--skip-archived', [CompletionResultType]::ParameterName, 'With OWNER: leave out archived repositories')
            [CompletionResult]::new('--skip-forks', '--skip-forks', [CompletionResultType]::ParameterName, 'With OWNER: leave out forks')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Stop with an error at GitHub''s rate limit instead of waiting for it to reset')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'For a local directory: run `terraform init`, `plan` and `show -json` in each root module and analyse the plan (drift, changes, plan findings); a failure is reported as a failure, never as "no changes"')
            [CompletionResult]::new('--allow-skipped', '--allow-skipped', [CompletionResultType]::ParameterName, 'With --fail-on: do not fail because files were skipped (over 4 MiB, not UTF-8, unreadable, special files, syntax not read yet); they are still listed')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'Run the rules of every package the policies declare')
            [CompletionResult]::new('--policy-unmasked', '--policy-unmasked', [CompletionResultType]::ParameterName, 'Give policies sensitive values as they are instead of masked; what policies return is still masked in every output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;repo;help' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;repo;help;scan' {
            break
        }
        'cloudops;repo;help;help' {
            break
        }
        'cloudops;config' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Where the settings files are, and which profile is in use')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every setting''s value and where it comes from (flag defaults, environment, files)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One setting''s value, e.g. `cloudops config get plan.fail_on`')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a value from the user config (from the `--profile` given, else the base)')
            [CompletionResult]::new('from-stack', 'from-stack', [CompletionResultType]::ParameterValue, 'Set the auth and aws settings from a deployed deploy/ stack''s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;config;path' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;config;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;config;get' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;config;set' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;config;unset' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;config;from-stack' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The stack''s region [default: AWS_REGION, aws.region, or the AWS profile''s]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Where the settings files are, and which profile is in use')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every setting''s value and where it comes from (flag defaults, environment, files)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One setting''s value, e.g. `cloudops config get plan.fail_on`')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a value from the user config (from the `--profile` given, else the base)')
            [CompletionResult]::new('from-stack', 'from-stack', [CompletionResultType]::ParameterValue, 'Set the auth and aws settings from a deployed deploy/ stack''s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;config;help;path' {
            break
        }
        'cloudops;config;help;list' {
            break
        }
        'cloudops;config;help;get' {
            break
        }
        'cloudops;config;help;set' {
            break
        }
        'cloudops;config;help;unset' {
            break
        }
        'cloudops;config;help;from-stack' {
            break
        }
        'cloudops;config;help;help' {
            break
        }
        'cloudops;signup' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The account''s email address (asked for on a terminal when not given)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input instead of asking for it (never pass it as an argument: it would show in the process list and shell history)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;confirm' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The account''s email address (asked for on a terminal when not given)')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The code from the email (asked for on a terminal when not given)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--resend', '--resend', [CompletionResultType]::ParameterName, 'Send a new code instead of confirming')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;login' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The account''s email address (asked for on a terminal when not given)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input instead of asking for it')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'When no OS keyring works, keep the tokens in a 0600 file in the config directory instead of refusing (also `auth.insecure_storage = true`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;logout' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Only forget the tokens on this machine; do not revoke them (e.g. when offline)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;auth' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`')
            [CompletionResult]::new('github', 'github', [CompletionResultType]::ParameterValue, 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;auth;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;auth;token' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Print the ID token instead (it carries the user''s claims)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;auth;github' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored token')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether a token is stored, and which one `repo scan` would use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;auth;github;login' {
            [CompletionResult]::new('--github-api', '--github-api', [CompletionResultType]::ParameterName, 'The GitHub API the token is for [default: https://api.github.com]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'When no OS keyring works, keep the token in a 0600 file in the config directory')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;auth;github;logout' {
            [CompletionResult]::new('--github-api', '--github-api', [CompletionResultType]::ParameterName, 'The GitHub API the token is for [default: https://api.github.com]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;auth;github;status' {
            [CompletionResult]::new('--github-api', '--github-api', [CompletionResultType]::ParameterName, 'The GitHub API the token is for [default: https://api.github.com]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;auth;github;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored token')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether a token is stored, and which one `repo scan` would use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;auth;github;help;login' {
            break
        }
        'cloudops;auth;github;help;logout' {
            break
        }
        'cloudops;auth;github;help;status' {
            break
        }
        'cloudops;auth;github;help;help' {
            break
        }
        'cloudops;auth;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`')
            [CompletionResult]::new('github', 'github', [CompletionResultType]::ParameterValue, 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;auth;help;status' {
            break
        }
        'cloudops;auth;help;token' {
            break
        }
        'cloudops;auth;help;github' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored token')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether a token is stored, and which one `repo scan` would use')
            break
        }
        'cloudops;auth;help;github;login' {
            break
        }
        'cloudops;auth;help;github;logout' {
            break
        }
        'cloudops;auth;help;github;status' {
            break
        }
        'cloudops;auth;help;help' {
            break
        }
        'cloudops;cost' {
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'One calendar month, YYYY-MM (the current one runs up to today)')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'The N days up to and including today, e.g. 30d')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'First day, YYYY-MM-DD (with --end)')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'Day after the last one, YYYY-MM-DD: the end is exclusive, as in Cost Explorer (--start 2026-11-01 --end 2026-12-01 is all of November)')
            [CompletionResult]::new('--granularity', '--granularity', [CompletionResultType]::ParameterName, 'One row per day or per month')
            [CompletionResult]::new('--group-by', '--group-by', [CompletionResultType]::ParameterName, 'Split by service, account, region, usage-type, tag:KEY, or none')
            [CompletionResult]::new('--metric', '--metric', [CompletionResultType]::ParameterName, 'Cost metric: unblended (what the bill shows), blended, amortized (upfront fees spread over the term), net (after discounts)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only costs matching KEY=VALUE (service, account, region, usage-type, tag:KEY); repeat for more: the same key means either value, different keys all of them')
            [CompletionResult]::new('--forecast', '--forecast', [CompletionResultType]::ParameterName, 'Month-end forecast for the current month: local (straight line from month-to-date spend, no extra request), aws (Cost Explorer''s GetCostForecast), or none')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'Groups listed in the table (the rest are summed as "other")')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--last-month', '--last-month', [CompletionResultType]::ParameterName, 'Last calendar month [default: this month, up to today]')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Ask Cost Explorer again even if a cached answer is younger than 12 hours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;budget' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update a budget (an update keeps the record of alerts already sent)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List budgets')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a budget and its alert records')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;budget;set' {
            [CompletionResult]::new('--amount', '--amount', [CompletionResultType]::ParameterName, 'Monthly amount, e.g. 100 or 99.50')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'Currency; must be the one Cost Explorer reports in')
            [CompletionResult]::new('--thresholds', '--thresholds', [CompletionResultType]::ParameterName, 'Alert thresholds, percent of the amount (1-1000)')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Count only this service''s spend, as Cost Explorer names it (e.g. "Amazon Elastic Compute Cloud - Compute"); checked against your account''s services')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Subscribe this email address to the alert topic (aws.alert_topic); SNS mails a confirmation link first')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Publish this budget''s alerts to this SNS topic ARN [default: aws.alert_topic]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;budget;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;budget;delete' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;budget;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--refresh', '--refresh', [CompletionResultType]::ParameterName, 'Ask Cost Explorer again even if a cached answer is younger than 12 hours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;budget;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update a budget (an update keeps the record of alerts already sent)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List budgets')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a budget and its alert records')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;budget;help;set' {
            break
        }
        'cloudops;budget;help;list' {
            break
        }
        'cloudops;budget;help;delete' {
            break
        }
        'cloudops;budget;help;check' {
            break
        }
        'cloudops;budget;help;help' {
            break
        }
        'cloudops;completions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;dashboard' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 to serve on [default: a free port]')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Write every page as self-contained static HTML into DIR (created if missing) and exit, instead of serving; open DIR/index.html, offline')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Print the URL without opening a browser')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;policy' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;policy;test' {
            [CompletionResult]::new('--policy-timeout', '--policy-timeout', [CompletionResultType]::ParameterName, 'Seconds one test may run before it is stopped')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table for people, json for machines, markdown for PR comments, github for workflow annotations, sarif for code scanning, junit for test reports, csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Project settings file [default: the nearest .cloudops.toml up to the repository root]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account or stack [default: the config''s `profile` key]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the local store (plan history, budgets, cached costs) [default: the platform''s data directory, e.g. ~/.local/share/cloudops]')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where the plan history, budgets and cached costs live: local (the embedded store), dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table, aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the table is configured, else local)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings or progress on stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr (-v, -vv); secrets are never logged')
            [CompletionResult]::new('--no-config', '--no-config', [CompletionResultType]::ParameterName, 'Read no settings file: neither .cloudops.toml nor the user config')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'cloudops;policy;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;policy;help;test' {
            break
        }
        'cloudops;policy;help;help' {
            break
        }
        'cloudops;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Analyse Terraform plans')
            [CompletionResult]::new('repo', 'repo', [CompletionResultType]::ParameterValue, 'Find and assess Terraform code in GitHub repositories or a local directory')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show and change settings: the user config, its profiles, and where values come from')
            [CompletionResult]::new('signup', 'signup', [CompletionResultType]::ParameterValue, 'Create an account in the configured Cognito user pool (a code is emailed to confirm it)')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Confirm a new account with the emailed code (or --resend for a new code)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in to the configured Cognito user pool; the tokens go to the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Sign out on every device (revoking the refresh token) and forget the stored tokens')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Who is logged in, tokens for scripts, and the GitHub token for `repo scan`')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'AWS spend from Cost Explorer: by service (or account, region, usage type, tag), daily trend and month-end forecast; answers are cached for 12 hours')
            [CompletionResult]::new('budget', 'budget', [CompletionResultType]::ParameterValue, 'Budgets with SNS alerts: set, list, delete, and check month-to-date spend against them')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish); see the README for where to put it')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'The plan history, drift, cost and budgets as web pages: served on 127.0.0.1 behind a per-run token (read-only), or written as static HTML with --export')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Rego policies: run their tests (`policy test`, as `opa test` and `conftest verify`)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cloudops;help;plan' {
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Summarise a plan, explain its changes and drift, flag risky changes, gate CI')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Analyze a plan and post the markdown report to a GitHub pull request as one comment per workspace, updated in place on the next run')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is sent, never the plan or a sensitive value')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Saved analyses: list them (the default), show one, compare two, delete one')
            break
        }
        'cloudops;help;plan;analyze' {
            break
        }
        'cloudops;help;plan;comment' {
            break
        }
        'cloudops;help;plan;explain' {
            break
        }
        'cloudops;help;plan;history' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List saved analyses, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one saved analysis in any --format, as `plan analyze` printed it')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two saved analyses: what started or stopped changing, findings, drift')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one saved analysis')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Copy the embedded store''s history into the shared one (DynamoDB); entries already there are recognised and not copied twice')
            break
        }
        'cloudops;help;plan;history;list' {
            break
        }
        'cloudops;help;plan;history;show' {
            break
        }
        'cloudops;help;plan;history;diff' {
            break
        }
        'cloudops;help;plan;history;delete' {
            break
        }
        'cloudops;help;plan;history;import' {
            break
        }
        'cloudops;help;repo' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Inventory Terraform root modules (versions, providers, modules, backend, resources) and flag risks in code: hard-coded secrets, unpinned modules and providers, local state, open ingress, public buckets, unencrypted storage')
            break
        }
        'cloudops;help;repo;scan' {
            break
        }
        'cloudops;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Where the settings files are, and which profile is in use')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every setting''s value and where it comes from (flag defaults, environment, files)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One setting''s value, e.g. `cloudops config get plan.fail_on`')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a value in the user config (in the `--profile` given, else the base), e.g. `cloudops config set plan.fail_on high`')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a value from the user config (from the `--profile` given, else the base)')
            [CompletionResult]::new('from-stack', 'from-stack', [CompletionResultType]::ParameterValue, 'Set the auth and aws settings from a deployed deploy/ stack''s outputs (reads them with CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given')
            break
        }
        'cloudops;help;config;path' {
            break
        }
        'cloudops;help;config;list' {
            break
        }
        'cloudops;help;config;get' {
            break
        }
        'cloudops;help;config;set' {
            break
        }
        'cloudops;help;config;unset' {
            break
        }
        'cloudops;help;config;from-stack' {
            break
        }
        'cloudops;help;signup' {
            break
        }
        'cloudops;help;confirm' {
            break
        }
        'cloudops;help;login' {
            break
        }
        'cloudops;help;logout' {
            break
        }
        'cloudops;help;auth' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Who is logged in, until when, where the tokens are kept, and which AWS identity they give (exit 4 when not logged in); refreshes tokens that are about to expire')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the access token (refreshed if needed) for scripts, e.g. `curl -H "Authorization: Bearer $(cloudops auth token)"`')
            [CompletionResult]::new('github', 'github', [CompletionResultType]::ParameterValue, 'Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)')
            break
        }
        'cloudops;help;auth;status' {
            break
        }
        'cloudops;help;auth;token' {
            break
        }
        'cloudops;help;auth;github' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store a token read from standard input (or asked for on a terminal), e.g. `gh auth token | cloudops auth github login`')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored token')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether a token is stored, and which one `repo scan` would use')
            break
        }
        'cloudops;help;auth;github;login' {
            break
        }
        'cloudops;help;auth;github;logout' {
            break
        }
        'cloudops;help;auth;github;status' {
            break
        }
        'cloudops;help;cost' {
            break
        }
        'cloudops;help;budget' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or update a budget (an update keeps the record of alerts already sent)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List budgets')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a budget and its alert records')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Month-to-date spend and projection against each budget (or one); publishes one SNS alert per crossed threshold per calendar month; exits 3 when a threshold is crossed')
            break
        }
        'cloudops;help;budget;set' {
            break
        }
        'cloudops;help;budget;list' {
            break
        }
        'cloudops;help;budget;delete' {
            break
        }
        'cloudops;help;budget;check' {
            break
        }
        'cloudops;help;completions' {
            break
        }
        'cloudops;help;dashboard' {
            break
        }
        'cloudops;help;policy' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the `test_` rules of the policies at PATH (files or directories of `.rego`, `_test.rego` files included); exit 1 when any test fails or errors')
            break
        }
        'cloudops;help;policy;test' {
            break
        }
        'cloudops;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
