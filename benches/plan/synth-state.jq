# Build, for the built-in `terraform_data` resource only, the version-4 state
# that `terraform apply` would have written for a plan.
#
# Why: `terraform apply` deep-copies the whole state after every resource
# instance it writes, so applying N instances costs O(N^2): 10,000
# terraform_data resources with realistic payloads take hours, while a plan
# is seconds. gen.sh checks the result with real Terraform: a phase-1 plan
# against the finished state must report no changes, and `--verify` compares
# the phase-2 plan with one made against a really-applied state.
#
# Two modes, both reading a `terraform show -json` plan on stdin:
#
#   --arg mode synth   the plan was made against an empty state (every action
#                      "create"); prints a new state. Also needs:
#                        --rawfile ids FILE   newline-separated UUIDs, one per instance
#                        --argjson cbd LIST   config addresses ("type.name",
#                                             "module.m.type.name") Terraform records as
#                                             create_before_destroy (configured, or
#                                             forced by a dependent that is)
#                        --arg lineage UUID
#                      Values that were unknown at plan time (references to other
#                      resources' ids) are missing; a second plan fills them in:
#   --arg mode patch   the plan was made against the synthesized state
#                      (--slurpfile state FILE); every change must be an "update"
#                      and each fully known `input` is written into the state.
#                      gen.sh repeats plan + patch until the plan is empty.
#
# Outputs are left alone: gen.sh runs `terraform apply -refresh-only` so that
# Terraform itself evaluates and records them.

def ctype:
  if type == "object" then ["object", with_entries(.value |= ctype)]
  elif type == "array" then ["tuple", map(ctype)]
  elif type == "string" then "string"
  elif type == "number" then "number"
  elif type == "boolean" then "bool"
  else "dynamic"
  end;

# terraform_data's input/output/triggers_replace are dynamically typed: the
# state keeps them as {value, type}.
def dyn: if . == null then null else {value: ., type: ctype} end;

def step: if type == "number"
  then {type: "index", value: {value: ., type: "number"}}
  else {type: "get_attr", value: .}
  end;

# after_sensitive mirrors the value with `true` on sensitive leaves.
def sensitive_paths:
  [paths(. == true) | map(step)];

# config address of the resource's module, instance keys dropped:
# module.stack["eu-west-1"] -> module.stack
def config_module: (.module_address // "") | gsub("\\[[^]]*\\]"; "");
def config_address: config_module as $m | (if $m == "" then "" else $m + "." end) + .type + "." + .name;

# config address -> the other resources (same module) its expressions refer to,
# which is what Terraform records as `dependencies`.
def deps_by_address:
  def refs($prefix): [.. | objects | .references? // empty | .[]]
    | map(select(test("^(data\\.)?[a-z0-9_]+\\.[A-Za-z0-9_-]+$")))
    | map(select(test("^(var|local|each|count|module|path|terraform|self)\\.") | not))
    | map($prefix + .)
    | unique;
  def walk_mod($prefix):
    (.resources // [] | .[] | {key: ($prefix + .address), value: (.expressions | refs($prefix))}),
    (.module_calls // {} | to_entries[] | .key as $call | .value.module | walk_mod($prefix + "module." + $call + "."));
  [.configuration.root_module | walk_mod("")] | from_entries;

def instance_address($mod; $type; $name):
  (if $mod then $mod + "." else "" end) + $type + "." + $name
  + (if has("index_key") then "[" + (.index_key | tojson) + "]" else "" end);

def synth:
  ($ARGS.named.ids | split("\n") | map(select(length > 0))) as $idlist
  | deps_by_address as $deps
  | [.resource_changes | to_entries[] | .key as $n | .value
      | select(.mode == "managed" and .type == "terraform_data")
      | if .change.actions != ["create"] then error("synth-state: \(.address) is \(.change.actions), expected a plan against an empty state") else . end
      | config_address as $addr
      | {
          module: .module_address,
          name: .name,
          instance: (
            (if has("index") then {index_key: .index} else {} end)
            + {
                schema_version: 0,
                attributes: {
                  id: $idlist[$n],
                  input: (.change.after.input | dyn),
                  output: (.change.after.input | dyn),
                  triggers_replace: (.change.after.triggers_replace | dyn)
                },
                sensitive_attributes: (
                  (.change.after_sensitive.input // false | sensitive_paths | map([{type: "get_attr", value: "input"}] + .))
                  + (.change.after_sensitive.triggers_replace // false | sensitive_paths | map([{type: "get_attr", value: "triggers_replace"}] + .))
                )
              }
            + (($deps[$addr] // []) as $d | if ($d | length) > 0 then {dependencies: $d} else {} end)
            + (if ($ARGS.named.cbd | index([$addr])) != null then {create_before_destroy: true} else {} end)
          )
        }
    ] as $instances
  | if ($instances | length) > ($idlist | length) then error("synth-state: not enough ids") else . end
  | {
      version: 4,
      terraform_version: .terraform_version,
      serial: 1,
      lineage: $ARGS.named.lineage,
      outputs: {},
      resources: [
        $instances | group_by([.module // "", .name])[]
        | (if .[0].module then {module: .[0].module} else {} end)
          + {
              mode: "managed",
              type: "terraform_data",
              name: .[0].name,
              provider: "provider[\"terraform.io/builtin/terraform\"]",
              instances: (sort_by(.instance.index_key) | map(.instance))
            }
      ],
      check_results: null
    };

def patch:
  ([.resource_changes[] | select(.change.actions != ["no-op"])]) as $changes
  | ($changes | map(select(.change.actions != ["update"]) | .address)) as $odd
  | if ($odd | length) > 0 then error("synth-state: expected only updates, got other actions for \($odd[:5])") else . end
  # an input that still holds unknowns waits for the next round
  | ($changes | map(select([.change.after_unknown.input // false | .. | select(. == true)] | length == 0))
      | map({key: .address, value: .change.after.input}) | from_entries) as $new
  | $ARGS.named.state[0]
  | .serial += 1
  | .resources |= map(
      .module as $m | .type as $t | .name as $n
      | .instances |= map(
          instance_address($m; $t; $n) as $a
          | if $new | has($a) then
              .attributes.input = ($new[$a] | dyn) | .attributes.output = ($new[$a] | dyn)
            else . end
        )
    );

if $ARGS.named.mode == "patch" then patch else synth end
