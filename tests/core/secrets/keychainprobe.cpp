// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of tst_secretstore: opens a workspace, adds a tenant and a connection, then
// tries to store a webhook signing secret, and prints a JSON report. Run with a D-Bus environment
// in which there is no keychain.
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    SystemClock clock;
    Result<std::unique_ptr<Store>> opened = openWorkspace(dir.filePath(u"probe.sqlite"_s),
                                                          StoreServices{&clock});
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = **opened;
    Result<std::shared_ptr<SecretStore>> backend = createSecretStore(store);
    if (!backend)
        return 1;
    ConnectionSecrets secrets(store, **backend);
    QJsonObject report;

    Tenant tenant;
    tenant.displayName = u"Probe"_s;
    store.addTenant(tenant)
            .then(&app,
                  [&](const Result<Tenant> &added) {
                      Connection connection;
                      connection.tenantId = added ? added->id : 0;
                      connection.providerId = u"github"_s;
                      return store.addConnection(connection);
                  })
            .unwrap()
            .then(&app,
                  [&](const Result<Connection> &connection) {
                      report.insert(u"storeWorks"_s, bool(connection));
                      return secrets.put({connection ? connection->id : 1,
                                          SecretKind::WebhookSigningSecret, SecretSlot::Primary},
                                         "probe-secret-value");
                  })
            .unwrap()
            .then(&app,
                  [&](const Result<SecretReference> &stored) {
                      report.insert(u"code"_s, stored ? u"<ok>"_s : stored.error().code);
                      report.insert(u"message"_s, stored ? QString() : stored.error().message);
                      return store.secretReferences(1);
                  })
            .unwrap()
            .then(&app, [&](const Result<QList<SecretReference>> &references) {
                report.insert(u"referencesAfter"_s, references ? int(references->size()) : -1);
                std::fprintf(stdout, "%s\n",
                             QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
                QCoreApplication::exit(0);
            });
    return QCoreApplication::exec();
}
