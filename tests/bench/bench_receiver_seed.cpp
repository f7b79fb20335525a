// SPDX-License-Identifier: GPL-3.0-or-later
// Prepares a workspace for tests/bench/bench-receiver.sh: tenant "Bench", a generic-hmac connection
// whose webhook signing secret (in the keychain of the running D-Bus session) is <secret>. Prints
// the connection id.
//
//   bench_receiver_seed <workspace.sqlite> <secret>
#include "core/secrets/connectionsecrets.h"
#include "core/store/store.h"
#include "core/util/buildinfo.h"
#include "core/util/clock.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wb::core;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(buildinfo::applicationName));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: bench_receiver_seed <workspace.sqlite> <secret>\n");
        return 2;
    }
    auto opened = openWorkspace(args[1], StoreServices{SystemClock::instance()});
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 3;
    }
    std::unique_ptr<Store> store = std::move(*opened);
    auto backend = createSecretStore(*store);
    if (!backend) {
        std::fprintf(stderr, "%s\n", qPrintable(backend.error().message));
        return 3;
    }
    ConnectionSecrets secrets(*store, **backend);
    const QByteArray secret = args[2].toUtf8();
    auto failed = [](const Error &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        QCoreApplication::exit(3);
    };
    Tenant tenant;
    tenant.displayName = u"Bench"_s;
    store->addTenant(tenant).then(&app, [&](const Result<Tenant> &added) {
        if (!added)
            return failed(added.error());
        Connection connection;
        connection.tenantId = added->id;
        connection.providerId = u"generic-hmac"_s;
        store->addConnection(connection).then(&app, [&](const Result<Connection> &connected) {
            if (!connected)
                return failed(connected.error());
            const SecretKey key{connected->id, SecretKind::WebhookSigningSecret,
                                SecretSlot::Primary};
            const qint64 id = connected->id;
            secrets.put(key, secret).then(&app, [&, id](const Result<SecretReference> &put) {
                if (!put)
                    return failed(put.error());
                std::printf("%lld\n", static_cast<long long>(id));
                QCoreApplication::exit(0);
            });
        });
    });
    return QCoreApplication::exec();
}
