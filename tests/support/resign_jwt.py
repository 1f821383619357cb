"""Re-signs a JWT with moto's Cognito signing key after changing claims (e.g. a past `exp`).

moto signs every user pool's tokens with one key shipped in its package; tests use it to make
tokens that are genuinely signed yet expired, which moto itself never hands out.
Usage: resign_jwt.py TOKEN '{"exp": 123}'
"""

import sys, json, gzip, os, base64
import moto
from joserfc import jwt
from joserfc.jwk import RSAKey
path = os.path.join(os.path.dirname(moto.__file__), "cognitoidp/resources/jwks-private.json.gz")
key = RSAKey.import_key(json.load(gzip.open(path)))
token, edits = sys.argv[1], json.loads(sys.argv[2])
body = token.split(".")[1]
payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
payload.update(edits)
print(jwt.encode({"alg": "RS256", "kid": "dummy", "typ": "JWT"}, payload, key))
