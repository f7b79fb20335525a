// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/connectionauthorizer.h"
#include "ui/connections/authorizationprogress.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QDialogButtonBox;
class QLabel;

namespace wb::ui {

// "Authorize in browser": follows one ConnectionAuthorizer (core/oauth/connectionauthorizer.h)
// from the first step to the end. While it runs: what is happening in plain words, a busy bar,
// the authorization address (copy it, or open it again when the browser window was closed) and
// Cancel. At the end: the external account and the identity mapping that now routes its events to
// the tenant, or what went wrong and what to do about it; Cancel becomes Close.
//
// The dialog never opens a browser itself: openUrlRequested() asks its owner to (the GUI uses
// QDesktopServices or the configured browser command). `authorizer` is not owned; the dialog
// watches it and stops following it if it is destroyed. Closing the dialog while the
// authorization runs cancels it. Thread: GUI thread.
class AuthorizationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationDialog)

public:
    // `subject`: what is being authorized, for the heading ("GitHub for Umbrella Corp").
    AuthorizationDialog(core::ConnectionAuthorizer *authorizer, const QString &subject,
                        QWidget *parent = nullptr);

    // The text of the outcome (empty while running); for tests and screenshots.
    QString outcomeText() const;
    bool succeeded() const { return m_succeeded; }

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);

protected:
    void reject() override;

private:
    void onFinished(const core::Result<core::AuthorizationReport> &result);

    QPointer<core::ConnectionAuthorizer> m_authorizer;
    QString m_subject;
    QLabel *m_heading;
    AuthorizationProgress *m_progress;
    QLabel *m_outcome;
    QDialogButtonBox *m_buttons;
    bool m_finished = false;
    bool m_succeeded = false;
};

// The words for an authorization failure: what happened and what to do (by error code).
QString authorizationFailureAdvice(const core::Error &error);

} // namespace wb::ui
