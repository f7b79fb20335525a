// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthcommand.h"

#include "catalogloader.h"
#include "healthrecords.h"
#include "output.h"
#include "recordcommand.h"
#include "tenantnames.h"
#include "workspacesession.h"

#include "core/dispatch/connectioncredentials.h"
#include "core/health/healthmonitor.h"
#include "core/providers/providercatalog.h"
#include "core/secrets/connectionsecrets.h"
#include "core/secrets/secretstorefactory.h"
#include "core/store/sqlsession.h"
#include "core/store/store.h"
#include "core/util/clock.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace wb::cli {

namespace {
const QCommandLineOption &connectionOption()
{
    static const QCommandLineOption option(u"connection"_s, u"Only this connection."_s, u"id"_s);
    return option;
}

const QCommandLineOption &checkOption()
{
    static const QCommandLineOption
            option(u"check"_s, u"Ask each provider about each registration now (its API)."_s);
    return option;
}

const QCommandLineOption &repairOption()
{
    static const QCommandLineOption option(
            u"repair"_s,
            u"As --check, and renew registrations due for renewal and re-register missing ones "
            u"where the registration allows it."_s);
    return option;
}
} // namespace

HealthCommand::HealthCommand() = default;
HealthCommand::~HealthCommand() = default;

QString HealthCommand::name() const
{
    return u"health"_s;
}

QString HealthCommand::summary() const
{
    return u"Show the registration health of each connection, with the reason and the action."_s;
}

void HealthCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addOption(connectionOption());
    parser.addOption(checkOption());
    parser.addOption(repairOption());
    parser.addOption(jsonOption());
}

std::optional<int> HealthCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    m_context = &context;
    m_json = parser.isSet(jsonOption());
    QTextStream *jsonOut = m_json ? &context.out : nullptr;
    if (!parser.positionalArguments().isEmpty()) {
        return reportError(context.err, jsonOut, name(),
                           {u"cli.wrong_arguments"_s,
                            u"takes no arguments, got '%1' (see --help)"_s.arg(
                                    parser.positionalArguments().join(u' '))},
                           ExitUsage);
    }
    if (parser.isSet(checkOption()) && parser.isSet(repairOption())) {
        return reportError(context.err, jsonOut, name(),
                           {u"cli.option_conflict"_s, u"give --check or --repair, not both"_s},
                           ExitUsage);
    }
    if (parser.isSet(connectionOption())) {
        const core::Result<qint64> id = RecordCommand::parseId(parser.value(connectionOption()),
                                                               u"--connection"_s);
        if (!id)
            return reportError(context.err, jsonOut, name(), id.error(), ExitUsage);
        m_connectionId = *id;
    }
    m_catalog = loadProviderCatalog(context.err, name());
    auto session = WorkspaceSession::open(context);
    if (!session)
        return reportError(context.err, jsonOut, name(), session.error(), ExitRuntime);
    m_session = std::move(*session);

    const bool act = parser.isSet(repairOption());
    if (!act && !parser.isSet(checkOption())) {
        runRound(false, false);
        return std::nullopt;
    }
    m_session->whenDone(core::openSecretStore(m_session->store()),
                        [this, act](const core::Result<core::OpenedSecretStore> &opened) {
                            if (!opened)
                                return fail(opened.error(), ExitRuntime);
                            m_backend = opened->secrets;
                            m_secrets = std::make_unique<core::ConnectionSecrets>(m_session->store(),
                                                                                  *m_backend);
                            m_credentials = std::make_unique<core::SecretsConnectionCredentials>(
                                    *m_secrets);
                            m_network = std::make_unique<QNetworkAccessManager>();
                            runRound(true, act);
                        });
    return std::nullopt;
}

void HealthCommand::runRound(bool activeChecks, bool act)
{
    core::HealthMonitorServices services;
    services.store = &m_session->store();
    services.catalog = m_catalog.get();
    services.clock = core::SystemClock::instance();
    if (activeChecks) {
        services.network = m_network.get();
        services.credentials = m_credentials.get();
        services.secrets = m_secrets.get();
    }
    m_monitor = std::make_unique<core::HealthMonitor>(services);
    core::HealthRound round;
    round.connectionId = m_connectionId;
    round.checkAll = activeChecks;
    round.act = act;
    m_session->whenDone(m_monitor->runRound(round),
                        [this](const core::Result<QList<core::ConnectionHealth>> &assessed) {
                            if (!assessed)
                                return fail(assessed.error(), exitCodeFor(assessed.error()));
                            m_session->whenDone(m_session->store().read(
                                                        [](core::SqlSession &session) {
                                                            return readTenantNames(session);
                                                        }),
                                                [this, assessed = *assessed](
                                                        const core::Result<TenantNames> &tenants) {
                                                    if (!tenants)
                                                        return fail(tenants.error(),
                                                                    exitCodeFor(tenants.error()));
                                                    report(assessed, *tenants);
                                                });
                        });
}

void HealthCommand::report(const QList<core::ConnectionHealth> &assessed, const TenantNames &tenants)
{
    bool attention = false;
    for (const core::ConnectionHealth &health : assessed)
        attention = attention || health.needsAttention();
    QTextStream &out = m_context->out;
    if (m_json) {
        writeJson(out, healthReportJson(assessed));
    } else if (assessed.isEmpty()) {
        out << "No connections.\n";
    } else {
        QList<QStringList> rows;
        for (const core::ConnectionHealth &h : assessed) {
            rows.append({QString::number(h.connectionId), tenantName(tenants, h.tenantId),
                         h.providerId, core::nameOf(h.status), core::nameOf(h.action()),
                         h.reason()});
            // The worst finding speaks for the connection; the others follow on their own rows.
            for (qsizetype i = 1; i < h.findings.size(); ++i) {
                const core::HealthFinding &finding = h.findings.at(i);
                rows.append({QString(), QString(), QString(), core::nameOf(finding.severity),
                             core::nameOf(finding.action), finding.reason});
            }
        }
        writeTable(out,
                   {u"connection"_s, u"tenant"_s, u"provider"_s, u"status"_s, u"action"_s,
                    u"reason"_s},
                   rows);
    }
    out.flush();
    m_session->finish(attention ? ExitNegative : ExitOk);
}

void HealthCommand::fail(const core::Error &error, int exitCode)
{
    reportError(m_context->err, m_json ? &m_context->out : nullptr, name(), error, exitCode);
    m_session->finish(exitCode);
}

} // namespace wb::cli
