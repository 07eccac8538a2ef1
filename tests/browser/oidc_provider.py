"""A minimal OpenID Connect provider for the login test (issue 14): discovery, an
authorisation endpoint that signs in a fixed identity at once (the city's provider
would ask for a password), a token endpoint issuing an RS256-signed ID token with the
request's nonce, and the key set. Real HTTP on a free local port; Streamlit's
``st.login`` (Authlib) talks to it as to any provider: it checks the signature, the
issuer, the audience, the nonce and the state."""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "quartiersatlas-test"
CLIENT_SECRET = "geheimnis-nur-fuer-den-test"


@dataclass
class Provider:
    url: str
    email: str
    logins: list[str] = field(default_factory=list)  # the identities signed in
    verified: bool = True  # what the ID token says in email_verified
    _server: ThreadingHTTPServer | None = None

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def start_provider(email: str) -> Provider:
    key_id = "test-key"
    key = RSAKey.generate_key(2048, parameters={"kid": key_id, "use": "sig", "alg": "RS256"})
    codes: dict[str, dict[str, Any]] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    provider = Provider(url, email, _server=server)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def _json(self, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path == "/.well-known/openid-configuration":
                self._json(
                    {
                        "issuer": url,
                        "authorization_endpoint": f"{url}/authorize",
                        "token_endpoint": f"{url}/token",
                        "jwks_uri": f"{url}/jwks",
                        "response_types_supported": ["code"],
                        "subject_types_supported": ["public"],
                        "id_token_signing_alg_values_supported": ["RS256"],
                        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
                    }
                )
            elif parts.path == "/jwks":
                self._json({"keys": [key.as_dict(private=False)]})
            elif parts.path == "/authorize":
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                if query.get("client_id") != CLIENT_ID:
                    self.send_error(400, "unknown client")
                    return
                code = secrets.token_urlsafe(16)
                codes[code] = {"nonce": query.get("nonce"), "redirect": query["redirect_uri"]}
                target = (
                    query["redirect_uri"]
                    + "?"
                    + urlencode({"code": code, "state": query.get("state", "")})
                )
                self.send_response(302)
                self.send_header("Location", target)
                self.end_headers()
            else:
                self.send_error(404)

        def do_POST(self) -> None:
            if urlsplit(self.path).path != "/token":
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            grant = codes.pop(form.get("code", ""), None)
            if grant is None:
                self.send_error(400, "unknown code")
                return
            now = int(time.time())
            claims = {
                "iss": url,
                "sub": "pseudonym-4711",
                "aud": CLIENT_ID,
                "iat": now,
                "exp": now + 300,
                "email": provider.email,
                "email_verified": provider.verified,
            }
            if grant["nonce"]:
                claims["nonce"] = grant["nonce"]
            token = jwt.encode({"alg": "RS256", "kid": key_id}, claims, key)
            provider.logins.append(provider.email)
            self._json(
                {
                    "access_token": secrets.token_urlsafe(16),
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "id_token": token,
                }
            )

    server.RequestHandlerClass = Handler
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return provider


def secrets_toml(provider: Provider, app_port: int) -> str:
    """Streamlit's ``[auth]`` section for this provider and an app on ``app_port``."""
    return (
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n'
    )
