// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/oauth/connectionauthorizer.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace wb::ui {

// What a running authorization is doing, for every place that runs one (AuthorizationDialog, the
// onboarding wizard's Authorize page): a line in plain words, a busy bar, and the authorization
// address with "Copy address" and "Open browser again" (the browser window may have been closed,
// or none opened). It follows one ConnectionAuthorizer at a time (not owned); when that finishes,
// the bar and the address hide (the listener is closed) and the owner says what the outcome was
// with setText().
//
// Child object names for tests: "stage", "authorizationUrl", "copyUrl", "openAgain".
// Thread: GUI thread.
class AuthorizationProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationProgress)

public:
    explicit AuthorizationProgress(QWidget *parent = nullptr);

    // Follows `authorizer` from its current stage on; emits openUrlRequested() when its address
    // is ready.
    void follow(core::ConnectionAuthorizer *authorizer);
    // The line above the bar, in the owner's words (before an authorizer runs, or the outcome).
    void setText(const QString &text);
    // Shows the busy bar and the (still empty) address row, e.g. while the owner prepares an
    // authorization; false hides them and forgets the address.
    void setBusy(bool busy);

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);

private:
    void onStage(core::ConnectionAuthorizer::Stage stage);
    void onUrl(const QUrl &url);

    QPointer<core::ConnectionAuthorizer> m_authorizer;
    QLabel *m_stage;
    QProgressBar *m_busy;
    QLabel *m_urlHint;
    QLineEdit *m_url;
    QPushButton *m_copy;
    QPushButton *m_openAgain;
};

} // namespace wb::ui
