#pragma once

#include <QDialog>
#include <QPointer>
#include <QFutureWatcher>
#include <QList>
#include <QPair>

#include "client/httptransport.h"

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;

namespace tidemark::model {
class Store;
}

namespace tidemark::ui {

/// Settings: Appearance (colour scheme, editor font), Language, Sync (the server, signing in,
/// creating an account, signing out; the account's signed-in devices, signing one out, changing
/// the password) and Conflicts (per scalar field: the later edit wins, or ask).
/// OK and Apply write appearance and language to QSettings and apply appearance at once; a new
/// language is applied by the window when the dialog has closed. The account is written next to
/// the store (client/accountfile.h) as soon as a sign-in succeeds; the network calls run on a
/// worker thread, so the dialog never freezes. The conflict rules belong to the account: OK and
/// Apply write them into the window's store, from where the next sync takes them to the server;
/// without a store the Conflicts page is left out.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QString storePath, QWidget *parent = nullptr, model::Store *store = nullptr);
    ~SettingsDialog() override;

    [[nodiscard]] QTabWidget *pages() const { return m_pages; }
    /// Whether OK or Apply changed the language.
    [[nodiscard]] bool languageChanged() const { return m_languageChanged; }

    /// Not while an account call runs: its answer (and "accountChanged") must not be lost.
    void done(int result) override;

Q_SIGNALS:
    void appearanceChanged();
    /// Signed in, signed out, or an account was made.
    void accountChanged();

private:
    enum class AccountAction { Register, SignIn, SignOut, ListDevices, SignOutDevice, ChangePassword };
    void load();
    void save();
    void runAccountAction(AccountAction action);
    /// Fills the list of the account's devices from the last answer.
    void showDevices(const QList<client::account::Session> &sessions);
    /// Asks for the current and a new password (into m_oldPassword, m_newPassword).
    bool askNewPassword();
    void showAccount();
    void addConflictsPage();
    void loadPolicies();
    void savePolicies();

    QString m_storePath;
    QTabWidget *m_pages = nullptr;
    QComboBox *m_scheme = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_register = nullptr;
    QPushButton *m_signOut = nullptr;
    QLabel *m_accountState = nullptr;
    QWidget *m_devicesBox = nullptr;    ///< the account's devices, while signed in
    QTreeWidget *m_devices = nullptr;
    QPushButton *m_signOutDevice = nullptr;
    QPushButton *m_changePassword = nullptr;
    QString m_accountNote;              ///< said under the account until it changes (where the token is kept)
    AccountAction m_running = AccountAction::SignIn; ///< the call under way, if any
    QString m_oldPassword;              ///< for the password change under way
    QString m_newPassword;
    QCheckBox *m_holdOnMetered = nullptr;
    QPointer<model::Store> m_store; ///< the window's, for the conflict rules; none: no Conflicts page
    QList<QPair<QString, QComboBox *>> m_policyChoices; ///< field -> its choice
    QLabel *m_policyState = nullptr;
    QLineEdit *m_deviceName = nullptr; ///< how other devices name this one
    /// What an account call came to: whether it worked, and what to tell the person.
    struct Outcome
    {
        bool ok = false;
        QString message;
        AccountAction action = AccountAction::SignIn;
        std::optional<QList<client::account::Session>> sessions; ///< ListDevices and SignOutDevice
    };
    QFutureWatcher<Outcome> m_watcher; ///< the account call under way
    bool m_languageChanged = false;
};

} // namespace tidemark::ui
