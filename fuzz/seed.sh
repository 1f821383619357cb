#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the plan fixtures in tests/fixtures/plans (and edge/), plus
# small hand-made inputs for the input layer and rule-triggering records for plan_structured.
# corpus/ is git-ignored: run this once before fuzzing, and again whenever fixtures change.
# Idempotent: existing corpus files (including ones libFuzzer added) are kept.
#
#   bash fuzz/seed.sh            # from anywhere
set -euo pipefail

FUZZ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FIXTURES="$FUZZ/../tests/fixtures/plans"
CORPUS="$FUZZ/corpus"

mkdir -p "$CORPUS/plan_bytes" "$CORPUS/plan_chunked" "$CORPUS/plan_structured"

# 1. The fixtures as they are, for the two byte-level targets.
n=0
for f in "$FIXTURES"/*.json "$FIXTURES"/edge/*.json; do
  [ -f "$f" ] || continue
  for t in plan_bytes plan_chunked; do
    cp "$f" "$CORPUS/$t/fixture-$(basename "$f")"
  done
  n=$((n + 1))
done
echo "copied $n fixtures into corpus/plan_bytes and corpus/plan_chunked"

if ! command -v python3 >/dev/null 2>&1; then
  echo "python3 not found: skipped the hand-made byte seeds and the plan_structured seeds" >&2
  echo "(plan_structured still runs from an empty corpus, just more slowly)" >&2
  exit 0
fi

# 2. Hand-made byte seeds and 3. plan_structured seeds. The selector tables are read from
# src/structured.rs so that they cannot drift apart.
python3 - "$FUZZ" "$FIXTURES" "$CORPUS" <<'PY'
import glob, json, os, re, sys

fuzz, fixtures, corpus = sys.argv[1:4]
RS, US = b"\x1e", b"\x1f"

src = open(os.path.join(fuzz, "src", "structured.rs"), encoding="utf-8").read()
def table(name):
    body = re.search(r"pub const %s: &\[[^\]]*\] = &\[(.*?)\n\];" % name, src, re.S).group(1)
    return body
ACTIONS = [json.dumps(json.loads(x), separators=(",", ":")) for x in re.findall(r'r#"(.*?)"#', table("ACTIONS"))]
TYPES = re.findall(r'"(.*?)"', table("TYPES"))
REASONS = [None if x == "None" else re.search(r'"(.*)"', x).group(1)
           for x in re.findall(r'(None|Some\(".*?"\))', table("REASONS"))]
CANARY = re.search(r'pub const CANARY: &str = "(.*?)";', src).group(1)

def write(target, name, data):
    with open(os.path.join(corpus, target, name), "wb") as f:
        f.write(data)

# --- 2. byte seeds -------------------------------------------------------------------------
mini = '{"format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket.b","type":"aws_s3_bucket","name":"b","change":{"actions":["delete"],"before":{"bucket":"x\\u00e9\\"}"},"after":null}}]}'
seeds = {
    "empty": b"",
    "ws": b" \r\n\t",
    "brace": b"{}",
    "mini": mini.encode(),
    "mini-bom": b"\xef\xbb\xbf" + mini.encode(),
    "mini-utf16le-bom": b"\xff\xfe" + mini.encode("utf-16-le"),
    "mini-utf16be-bom": b"\xfe\xff" + mini.encode("utf-16-be"),
    "mini-utf16le": mini.encode("utf-16-le"),
    "mini-utf16be": mini.encode("utf-16-be"),
    "surrogates-utf16le": ('{"format_version":"1.0","prior_state":{},"x":"\U0001F600"}').encode("utf-16-le"),
    "wrapper": ("[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n" + mini + "\n::debug::stdout: \n::debug::exitcode: 0\n").encode(),
    "multi": (mini + "\n" + mini + "\n").encode(),
    "state": b'{"format_version":"1.0","terraform_version":"1.5.0","values":{"root_module":{}}}',
    "state-lineage": b'{"version":4,"lineage":"abc","serial":3,"resources":[]}',
    "not-a-plan": b'{"hello":"world"}',
    "version-2": b'{"format_version":"2.0","resource_changes":[]}',
    "hcp": b'{"plan_format_version":"1.1","resource_changes":[]}',
    "zip": b"PK\x03\x04\x14\x00\x00\x00",
    "truncated": mini[:60].encode(),
    "bad-utf8": b'{"format_version":"1.0","x":"\xc3\x28"}',
    "split-utf8": ('{"format_version":"1.0","resource_changes":[],"x":"' + "\u00e9\u4e2d\U0001F600" * 8 + '"}').encode(),
    "escapes": b'{"format_version":"1.0","resource_changes":[],"x":"\\\\\\"}{\\\\","y":"}"}',
    "array": b"[1,2]",
    "stray": b"}",
    "nul": b"\x00\x00\x00",
    "errored-many": b"".join(b'{"format_version":"1.0","errored":true,"complete":false,"prior_state":{}}\n' for _ in range(20)),
}
for name, data in seeds.items():
    for t in ("plan_bytes", "plan_chunked"):
        write(t, "seed-" + name, data)

# --- 3. plan_structured seeds --------------------------------------------------------------
def dumps(v):
    return json.dumps(v, separators=(",", ":"), ensure_ascii=False)

def sel(b):
    assert 0 <= b < 256
    return b & ~0x02 if b == 0x1E else b  # RS may not appear among selectors

def idx(value, tab, default):
    i = tab.index(value) if value in tab else default
    return i + len(tab) if i == 0x1E else i

def fields(values):
    out = [b"" if v is None else (v if isinstance(v, bytes) else dumps(v).encode()) for v in values]
    while out and out[-1] == b"":
        out.pop()
    return US.join(out)

def record(actions, rtype, before=None, after=None, unknown=None, bsens=None, asens=None,
           replace_paths=None, name=None, relevant=None, import_=None, drift=0, data=False,
           moved=False, importing=False, import_unknown=False, generated=False, deferred=False,
           reason=None, module=False):
    r0 = idx(dumps(actions), ACTIONS, ACTIONS.index('["bogus"]'))
    r1 = idx(rtype, TYPES, TYPES.index(""))
    r2 = (drift | (0x04 if data else 0) | (0x08 if moved else 0) | (0x10 if importing else 0)
          | (0x20 if import_unknown else 0) | (0x40 if generated else 0) | (0x80 if deferred else 0))
    r3 = idx(reason, REASONS, 0) | (0x80 if module else 0)
    name_b = name.encode() if name is not None else None
    return bytes(map(sel, (r0, r1, r2, r3))) + fields(
        [before, after, unknown, bsens, asens, replace_paths, name_b, relevant, import_])

def header(h0=0, h1=10, h2=0, h3=0, var=None, glob_=None, checks=None, invocations=None,
           conditions=None, out_before=None, out_after=None, out_unknown=None, out_sens=None,
           out_name=None):
    g = glob_.encode() if glob_ is not None else None
    n = out_name.encode() if out_name is not None else None
    return bytes(map(sel, (h0, h1, h2, h3))) + fields(
        [var, g, checks, invocations, conditions, out_before, out_after, out_unknown, out_sens, n])

def rc_record(rc, relevant_map, drift=0):
    c = rc.get("change", {})
    imp = c.get("importing")
    imp_val = None
    if imp:
        imp_val = imp.get("id") if imp.get("id") is not None else imp.get("identity")
    rel = relevant_map.get(rc.get("address"))
    return record(
        c.get("actions", []), rc.get("type", ""), c.get("before"), c.get("after"),
        c.get("after_unknown"), c.get("before_sensitive"), c.get("after_sensitive"),
        c.get("replace_paths"), rc.get("name"), rel, imp_val, drift=drift,
        data=rc.get("mode") == "data",
        moved=bool(rc.get("previous_address")) and rc.get("previous_address") != rc.get("address"),
        importing=bool(imp), import_unknown=bool(imp and imp.get("unknown")),
        generated="generated_config" in c, reason=rc.get("action_reason"),
        module=bool(rc.get("module_address")))

count = 0
for path in sorted(glob.glob(os.path.join(fixtures, "*.json")) + glob.glob(os.path.join(fixtures, "edge", "*.json"))):
    try:
        plan = json.load(open(path, encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        continue  # UTF-16, wrapped and multi-document inputs are the byte targets' business
    if not isinstance(plan, dict):
        continue
    relevant_map = {r.get("resource"): r.get("attribute") for r in plan.get("relevant_attributes") or []}
    recs = [rc_record(rc, relevant_map) for rc in plan.get("resource_changes") or []]
    recs += [rc_record(rc, relevant_map, drift=0x03) for rc in plan.get("resource_drift") or []]
    outputs = [(k, v) for k, v in (plan.get("output_changes") or {}).items() if v.get("actions") != ["no-op"]]
    out = outputs[0] if outputs else None
    variables = plan.get("variables") or {}
    var = next(iter(variables.values()), {}).get("value") if variables else None
    h0 = (0x40 if out else 0) | (0x02 | (0x04 if plan.get("errored") else 0) if "errored" in plan else 0) \
        | (0x08 if plan.get("complete") is False else 0)
    hdr = header(h0=h0, var=var, checks=plan.get("checks"), invocations=plan.get("action_invocations"),
                 conditions=plan.get("condition_results"),
                 out_before=out[1].get("before") if out else None, out_after=out[1].get("after") if out else None,
                 out_unknown=out[1].get("after_unknown") if out else None,
                 out_sens=out[1].get("after_sensitive") if out else None, out_name=out[0] if out else None)
    base = os.path.basename(path)[:-5]
    groups = [recs[i:i + 6] for i in range(0, len(recs), 6)][:8] or [[]]
    for gi, g in enumerate(groups):
        write("plan_structured", "fixture-%s-%d" % (base, gi), RS.join([hdr] + g))
        count += 1

pol = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Principal": {"AWS": "*"}}]})
synthetic = {
    "open-ingress": [header(), record(["create"], "aws_security_group",
        after={"ingress": [{"cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"], "from_port": 22, "to_port": 22, "protocol": "tcp"}], "description": CANARY},
        unknown={"id": True, "arn": True}, name="ssh")],
    "iam-wildcard": [header(h2=0x05), record(["update"], "aws_iam_policy",
        before={"policy": "{}"}, after={"policy": pol, "name": "admin"}, name="admin")],
    "db-protection": [header(h0=0x10, var=CANARY), record(["update"], "aws_db_instance",
        before={"deletion_protection": True, "storage_encrypted": True, "password": CANARY, "skip_final_snapshot": False, "tags": {"a": "b"}},
        after={"deletion_protection": False, "storage_encrypted": False, "password": CANARY + "2", "skip_final_snapshot": True, "tags": {"a": "c"}},
        bsens={"password": True}, asens={"password": True}, name="main")],
    "db-replace": [header(h2=0x2C, h3=0x10), record(["delete", "create"], "aws_db_instance",
        before={"engine": "postgres", "skip_final_snapshot": True, "identifier": "db"},
        after={"engine": "postgres", "identifier": "db2"}, unknown={"id": True, "endpoint": True},
        replace_paths=[["identifier"]], reason="replace_because_cannot_update", name="db")],
    "s3-public": [header(h0=0x01), record(["create"], "aws_s3_bucket_acl", after={"acl": "public-read", "bucket": CANARY}),
                  record(["delete"], "aws_s3_bucket_public_access_block", before={"block_public_acls": True}),
                  record(["delete"], "aws_s3_bucket_server_side_encryption_configuration", before={"rule": []})],
    "encryption": [header(), record(["create"], "aws_ebs_volume", after={"encrypted": False, "size": 8}),
                   record(["update"], "aws_lambda_function", before={"kms_encryption": "enabled"}, after={"kms_encryption": "disabled"})],
    "indirect-delete": [header(h1=0x01), record(["delete"], "aws_kms_key", before={"key_id": "k"}, reason="delete_because_no_module", module=True),
                        record(["delete"], "aws_s3_bucket", before={"bucket": "b", "force_destroy": True}, reason="delete_because_each_key", name='b["x"]')],
    "drift-relevant": [header(), record(["update"], "aws_instance", before={"ami": "a", "tags": {"Name": "x"}}, after={"ami": "b", "tags": {"Name": "x"}}, drift=0x03,
                        relevant=["ami"], name="web"), record(["update"], "aws_instance", before={"ami": "b"}, after={"ami": "c"}, name="web")],
    "moved-import-deferred": [header(h0=0x08), record(["no-op"], "aws_instance", before={"id": "i-1"}, after={"id": "i-1"}, moved=True),
                              record(["no-op"], "aws_instance", after={"id": "i-2"}, importing=True, import_="i-2", generated=True),
                              record(["create"], "aws_instance", after={"id": None}, importing=True, import_unknown=True, import_={"id": "x", "account": "1"}),
                              record(["create"], "aws_instance", after={}, deferred=True)],
    "outputs": [header(h0=0x40, out_before={"secret_token": CANARY}, out_after=CANARY, out_sens=True, out_name="db_password")],
    "checks": [header(h0=0x06, checks=[{"address": {"kind": "check", "to_display": "check.health"}, "status": "fail",
                                        "instances": [{"address": {"to_display": "check.health"}, "status": "fail", "problems": [{"message": CANARY + " is down"}]}]}],
                      invocations=[{"address": "action.aws_lambda_invoke.a", "type": "aws_lambda_invoke", "lifecycle_action_trigger": {"triggering_resource_address": "aws_instance.web", "action_trigger_event": "AfterCreate"}}],
                      conditions=[{"address": "aws_instance.web", "condition_type": "PostCondition", "result": False, "error_message": "nope"}])],
    "unicode-names": [header(h3=0xF8), record(["update"], "aws_s3_bucket", before={"tags": {"naïve 名前": "ä" * 30, "": 1}}, after={"tags": {"naïve 名前": "ö" * 30, "x.y": [1, None, {"password": "hunter2!"}]}},
                       unknown={"tags": {"new": True}}, name='b["ü\\n"]')],
    "utf16-trickle-doubled": [header(h0=0x80, h1=0xE5), record(["delete"], "aws_s3_bucket", before={"bucket": "😀" * 5})],
    "utf16be-wrapper": [header(h1=0xB0, h2=0xE3), record(["create", "forget"], "aws_instance", after={"a": 1}), record(["forget"], "aws_instance", before={"a": 1})],
    "glob-ignore": [header(h2=0x09, glob_="module.*.aws_?ms_key.*"), record(["delete"], "aws_kms_key", module=True, reason="delete_because_count_index")],
    "deep": [header(), record(["update"], "aws_instance", before=json.loads("[" * 60 + "1" + "]" * 60), after=json.loads("[" * 60 + "2" + "]" * 60),
                               unknown=json.loads("[" * 59 + "true" + "]" * 59))],
}
for name, parts in synthetic.items():
    write("plan_structured", "seed-" + name, RS.join(parts))
    count += 1
print("wrote %d byte seeds and %d plan_structured seeds" % (len(seeds), count))
PY
