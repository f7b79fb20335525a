// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs many jobs through tests/peers/webhook-sdks.mjs in one node process (loading the SDKs takes
// seconds): initTestCase() adds jobs, run() executes them, each test row reads its result.

#include "support/nodepeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace wb::test {

class PeerBatch final
{
public:
    // Adds a job; returns its index.
    int add(const QJsonObject &job)
    {
        m_jobs.append(job);
        return int(m_jobs.size() - 1);
    }

    // Runs every job; false (with errorString()) when node or a job fails.
    bool run()
    {
        if (!NodePeer::available()) {
            m_error = QStringLiteral(
                    "the npm peers are not installed: run `npm ci` in tests/peers");
            return false;
        }
        NodePeer peer;
        const QByteArray output = peer.run(QStringLiteral("webhook-sdks.mjs"), {},
                                           QJsonDocument(
                                                   QJsonObject{{QStringLiteral("jobs"), m_jobs}})
                                                   .toJson(QJsonDocument::Compact));
        if (output.isEmpty()) {
            m_error = peer.errorString();
            return false;
        }
        m_results = QJsonDocument::fromJson(output)
                            .object()
                            .value(QStringLiteral("results"))
                            .toArray();
        if (m_results.size() != m_jobs.size()) {
            m_error = QStringLiteral("expected %1 results, got %2")
                              .arg(m_jobs.size())
                              .arg(m_results.size());
            return false;
        }
        return true;
    }

    QJsonValue result(int index) const { return m_results.at(index); }
    QString errorString() const { return m_error; }

private:
    QJsonArray m_jobs;
    QJsonArray m_results;
    QString m_error;
};

} // namespace wb::test
