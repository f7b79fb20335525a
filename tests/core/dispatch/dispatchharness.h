// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scriptedsink.h"

#include "core/dispatch/connectioncredentials.h"
#include "core/dispatch/dispatcher.h"
#include "core/dispatch/tokenrefresher.h"
#include "core/store/store.h"
#include "core/util/clock.h"
#include "core/util/randomsource.h"
#include "support/testworkspace.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

namespace wb::test {

// Credentials held in memory: a bearer token and a Standard Webhooks secret for every connection.
class FakeCredentials final : public core::ConnectionCredentials
{
public:
    QByteArray authorizationValue = "Bearer first-token";
    QByteArray signingSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"; // the spec's test secret
    bool failSecret = false;

    QFuture<core::Result<QByteArray>> authorization(qint64 connectionId) override;
    QFuture<core::Result<QByteArray>> webhookSigningSecret(qint64 connectionId) override;
};

// A token refresher that swaps the fake credentials' token (or fails).
class FakeRefresher final : public core::TokenRefresher
{
public:
    explicit FakeRefresher(FakeCredentials &credentials)
        : m_credentials(credentials)
    {}
    QFuture<core::Result<void>> refresh(qint64 connectionId) override;

    QByteArray nextToken = "Bearer refreshed-token";
    bool succeed = true;
    QList<qint64> calls;

private:
    FakeCredentials &m_credentials;
};

// A workspace, a scripted sink, fake credentials and a dispatcher on a manual clock, for the
// dispatcher suites. Waits use QTest::qWaitFor (events are processed; never a fixed sleep).
struct DispatchHarness
{
    explicit DispatchHarness(qint64 startMs);
    ~DispatchHarness();

    // The workspace and the sink; false (with `error`) when either cannot start.
    bool open();
    // The options the suites use: worker "test-worker", 2 s attempt timeout, a poll only when
    // woken or after a completion (idle poll 60 s).
    static core::DispatcherOptions testOptions();
    bool startDispatcher(const core::DispatcherOptions &options = testOptions());

    // A tenant with one connection to `providerId`; its id, or 0 (with `error`).
    qint64 addConnection(const QString &providerId, const core::ConnectionSettings &settings = {});
    // Enqueues through the dispatcher and waits for the commit.
    core::Result<core::Delivery> enqueue(const core::NewDelivery &delivery);
    // A delivery to the sink's /hook.
    core::NewDelivery toSink(std::optional<qint64> connectionId = std::nullopt) const;
    core::Result<core::Delivery> reload(qint64 deliveryId);
    core::Result<QList<core::AttemptRecord>> attempts(qint64 deliveryId);
    core::Result<core::Connection> connection(qint64 connectionId);

    QTemporaryDir dir;
    // The workspace: a file in `dir`, or a PostgreSQL database on the suites' _pg variants.
    TestWorkspaceLocation where{dir.path()};
    core::ManualClock clock;
    core::ScriptedRandomSource random{{0.5}};
    std::unique_ptr<core::Store> store;
    QNetworkAccessManager network;
    ScriptedSink sink;
    FakeCredentials credentials;
    FakeRefresher refresher{credentials};
    // Set before startDispatcher() to use other credentials than the fake ones.
    core::ConnectionCredentials *credentialsOverride = nullptr;
    std::unique_ptr<core::Dispatcher> dispatcher;
    QString error;
    int tenantsAdded = 0;
};

} // namespace wb::test
