// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <memory>

namespace wb::cli {

class OAuthRun;

// `wirebench-cli oauth <action>` on the workspace's connections. Actions:
//   authorize --connection ID --client-config FILE [--timeout SECONDS] [--json]
//       Runs the OAuth authorization-code flow with PKCE and a loopback redirect on 127.0.0.1:
//       prints the authorization URL (stdout; stderr with --json) and opens it with the browser
//       command (the setting oauth/browserCommand, else $WIREBENCH_BROWSER, else xdg-open). On
//       success the tokens are in the keychain, the connection is `authorized`, and its external
//       account is mapped to the tenant (identity mapping). Prints what was authorized, or with
//       --json {"connection_id", "provider", "account_id", "scope", "expires_at",
//       "refresh_token", "identity_mapping_id"}.
//   refresh --connection ID --client-config FILE [--rejected-token-sha256 HEX] [--json]
//       Refreshes the connection's access token now (single-flight across processes through the
//       workspace's refresh lease). With --rejected-token-sha256 it behaves as the dispatch
//       engine's refresh on 401: nothing is spent if the stored access token is no longer the
//       rejected one (hex SHA-256, so no token is ever on a command line). Prints the new expiry
//       and the access token's SHA-256, or with --json {"connection_id", "expires_at",
//       "access_token_sha256"}.
//   revoke --connection ID --client-config FILE [--json]
//       Revokes the connection's tokens at the provider's revocation endpoint (RFC 7009: the
//       refresh token, which ends the grant's access tokens too where the server supports it;
//       else the access token), then removes them from the keychain and the workspace (the
//       connection becomes `unauthorized`). Run it before `connections remove`. Prints what was
//       done, or with --json {"connection_id", "had_credential", "revoked_at_provider",
//       "provider_supports_revocation"}. The tokens are removed even when the provider refused
//       or could not be reached (exit 1, oauth.revocation_failed).
// FILE describes the provider's OAuth endpoints and the client (clientconfigjson.h) until the
// provider profiles provide them; a client secret is read from the keychain, never from the file.
// Exit codes: 0 done; 1 refused (denied, wrong state, timeout, grant dead, mapping conflict);
// 2 bad arguments, file or connection; 3 workspace, keychain or network failure.
class OAuthCommand final : public Command
{
public:
    OAuthCommand();
    ~OAuthCommand() override;

    QString name() const override;
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    std::optional<int> run(const QCommandLineParser &parser, CommandContext &context) override;

private:
    std::unique_ptr<OAuthRun> m_run;
};

} // namespace wb::cli
