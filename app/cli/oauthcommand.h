// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

#include <memory>

namespace wb::cli {

class OAuthRun;

// `wirebench-cli oauth <action>` on the workspace's connections. CLIENT is one of
//   --client-config FILE   a JSON file (clientconfigjson.h): every endpoint, or a provider
//                          profile's id with the client id and placeholder values;
//   --client-id ID [--client-auth METHOD] [--placeholder NAME=VALUE]… [--scope "A B"]
//                          the connection's provider profile (app/core/providers) with this client;
//   nothing                the client the connection was authorized with (stored by authorize).
// Actions:
//   authorize --connection ID CLIENT [--timeout SECONDS] [--json]
//       Runs the OAuth authorization-code flow with PKCE and a loopback redirect on 127.0.0.1:
//       prints the authorization URL (stdout; stderr with --json) and opens it with the browser
//       command (the setting oauth/browserCommand, else $WIREBENCH_BROWSER, else xdg-open). On
//       success the tokens are in the keychain, the connection is `authorized`, and its external
//       account is mapped to the tenant (identity mapping). Prints what was authorized, or with
//       --json {"connection_id", "provider", "account_id", "scope", "expires_at",
//       "refresh_token", "identity_mapping_id"}.
//   refresh --connection ID [CLIENT] [--rejected-token-sha256 HEX] [--json]
//       Refreshes the connection's access token now (single-flight across processes through the
//       workspace's refresh lease). With --rejected-token-sha256 it behaves as the dispatch
//       engine's refresh on 401: nothing is spent if the stored access token is no longer the
//       rejected one (hex SHA-256, so no token is ever on a command line). Prints the new expiry
//       and the access token's SHA-256, or with --json {"connection_id", "expires_at",
//       "access_token_sha256"}.
//   revoke --connection ID [CLIENT] [--remove-connection] [--json]
//       Revokes the connection's tokens at the provider's revocation endpoint (RFC 7009: the
//       refresh token, which ends the grant's access tokens too where the server supports it;
//       else the access token), then removes them from the keychain and the workspace (the
//       connection becomes `unauthorized`). With --remove-connection the connection is then
//       removed with its secrets (keychain values first) and identity mappings: the way to remove
//       an OAuth connection so that the provider forgets the grant too. Prints what was done, or
//       with --json {"connection_id", "had_credential", "revoked_at_provider",
//       "provider_supports_revocation"[, "connection_removed", "warnings"]}. The tokens (and with
//       --remove-connection the connection) are removed even when the provider refused or could
//       not be reached (exit 1, oauth.revocation_failed).
// A client secret is read from the keychain, never from a file or the command line.
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
