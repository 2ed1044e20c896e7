#include "ui/settings/settingsdialog.h"
#include "ui/logging.h"

#include "ui/appearance.h"
#include "client/accountfile.h"
#include "client/httptransport.h"
#include "ui/conflicts/itemwords.h"
#include "model/store.h"
#include "sync/fieldrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {

/// The fields of notes and tasks where one value wins a collision (the rest merge), in the order
/// a person thinks of them; fields the catalogue gains later follow at the end.
QList<QPair<model::Kind, QString>> scalarFields()
{
    static const QStringList preferred{u"title"_s, u"collection"_s, u"due"_s, u"priority"_s, u"done_at"_s,
                                       u"recurrence"_s, u"parent"_s, u"pinned"_s, u"archived"_s};
    QList<QPair<model::Kind, QString>> fields;
    for (const model::Kind kind : {model::Kind::Note, model::Kind::Task}) {
        for (const QString &field : model::Fields::known(kind)) {
            const bool listed = std::ranges::any_of(fields, [&field](const auto &f) { return f.second == field; });
            if (!listed && sync::fieldKind(model::kindName(kind), field) == sync::FieldKind::Scalar)
                fields.append({kind, field});
        }
    }
    std::ranges::stable_sort(fields, {}, [](const auto &f) {
        const qsizetype at = preferred.indexOf(f.second);
        return at < 0 ? preferred.size() : at;
    });
    return fields;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(QString storePath, QWidget *parent, model::Store *store)
    : QDialog(parent)
    , m_storePath(std::move(storePath))
    , m_store(store)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_pages = new QTabWidget(this);

    auto *appearance = new QWidget(m_pages);
    appearance->setObjectName(u"appearancePage"_s);
    auto *appearanceForm = new QFormLayout(appearance);
    m_scheme = new QComboBox(appearance);
    m_scheme->setObjectName(u"schemeChoice"_s);
    m_scheme->addItem(tr("Follow the system"), int(Appearance::Scheme::System));
    m_scheme->addItem(tr("Light"), int(Appearance::Scheme::Light));
    m_scheme->addItem(tr("Dark"), int(Appearance::Scheme::Dark));
    appearanceForm->addRow(tr("&Colours:"), m_scheme);
    m_font = new QFontComboBox(appearance);
    m_font->setObjectName(u"editorFontChoice"_s);
    m_fontSize = new QSpinBox(appearance);
    m_fontSize->setObjectName(u"editorFontSize"_s);
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_fontSize);
    auto *fontLabel = new QLabel(tr("Editor &font:"), appearance);
    fontLabel->setBuddy(m_font);
    appearanceForm->addRow(fontLabel, fontRow);
    m_pages->addTab(appearance, tr("Appearance"));

    auto *language = new QWidget(m_pages);
    language->setObjectName(u"languagePage"_s);
    auto *languageForm = new QFormLayout(language);
    m_language = new QComboBox(language);
    m_language->setObjectName(u"languageChoice"_s);
    m_language->addItem(tr("The system's language"), QString());
    for (const auto &[code, name] : Appearance::languages())
        m_language->addItem(name, code);
    languageForm->addRow(tr("&Language:"), m_language);
    languageForm->addRow(note(tr("The window is rebuilt in the new language when you press OK."), language));
    m_pages->addTab(language, tr("Language"));

    auto *sync = new QWidget(m_pages);
    sync->setObjectName(u"syncPage"_s);
    auto *syncForm = new QFormLayout(sync);
    syncForm->addRow(note(tr("Tidemark keeps everything on this computer. With a Tidemark server of your own, "
                             "your devices stay in step; without one, Tidemark works locally only."),
                          sync));
    m_server = new QLineEdit(sync);
    m_server->setObjectName(u"syncServer"_s);
    m_server->setPlaceholderText(tr("https://notes.example.org"));
    syncForm->addRow(tr("&Server:"), m_server);
    m_user = new QLineEdit(sync);
    m_user->setObjectName(u"syncUser"_s);
    syncForm->addRow(tr("&Account:"), m_user);
    m_password = new QLineEdit(sync);
    m_password->setObjectName(u"syncPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    syncForm->addRow(tr("&Password:"), m_password);
    m_signIn = new QPushButton(tr("Sign &In"), sync);
    m_signIn->setObjectName(u"signIn"_s);
    m_register = new QPushButton(tr("&Create Account"), sync);
    m_register->setObjectName(u"createAccount"_s);
    m_signOut = new QPushButton(tr("Sign &Out"), sync);
    m_signOut->setObjectName(u"signOut"_s);
    auto *accountButtons = new QHBoxLayout;
    accountButtons->addWidget(m_signIn);
    accountButtons->addWidget(m_register);
    accountButtons->addStretch();
    accountButtons->addWidget(m_signOut);
    syncForm->addRow(accountButtons);
    m_accountState = new QLabel(sync);
    m_accountState->setObjectName(u"accountState"_s);
    m_accountState->setWordWrap(true);
    syncForm->addRow(m_accountState);
    // The account's devices: a lost laptop is signed out from here; a new password signs out all.
    m_devicesBox = new QWidget(sync);
    auto *devicesLayout = new QVBoxLayout(m_devicesBox);
    devicesLayout->setContentsMargins(0, 0, 0, 0);
    auto *devicesLabel = new QLabel(tr("&Devices signed in to this account:"), m_devicesBox);
    m_devices = new QTreeWidget(m_devicesBox);
    m_devices->setObjectName(u"accountDevices"_s);
    m_devices->setRootIsDecorated(false);
    m_devices->setHeaderLabels({tr("Device"), tr("Signed in"), tr("Last sync")});
    m_devices->setMinimumHeight(90);
    devicesLabel->setBuddy(m_devices);
    m_signOutDevice = new QPushButton(tr("Sign Out &Device"), m_devicesBox);
    m_signOutDevice->setObjectName(u"signOutDevice"_s);
    m_signOutDevice->setToolTip(tr("The device stops syncing until it signs in again (a lost or sold one)"));
    m_changePassword = new QPushButton(tr("C&hange Password…"), m_devicesBox);
    m_changePassword->setObjectName(u"changePassword"_s);
    auto *deviceButtons = new QHBoxLayout;
    deviceButtons->addWidget(m_signOutDevice);
    deviceButtons->addStretch();
    deviceButtons->addWidget(m_changePassword);
    devicesLayout->addWidget(devicesLabel);
    devicesLayout->addWidget(m_devices, 1);
    devicesLayout->addLayout(deviceButtons);
    syncForm->addRow(m_devicesBox);
    connect(m_devices, &QTreeWidget::currentItemChanged, this, [this] { showAccount(); });
    connect(m_signOutDevice, &QPushButton::clicked, this, [this] { runAccountAction(AccountAction::SignOutDevice); });
    connect(m_changePassword, &QPushButton::clicked, this, [this] {
        if (askNewPassword())
            runAccountAction(AccountAction::ChangePassword);
    });
    m_holdOnMetered = new QCheckBox(tr("&Hold sync on metered connections (mobile data) until an unmetered one returns"), sync);
    m_holdOnMetered->setObjectName(u"holdOnMetered"_s);
    syncForm->addRow(m_holdOnMetered);
    connect(m_signIn, &QPushButton::clicked, this, [this] { runAccountAction(AccountAction::SignIn); });
    connect(m_register, &QPushButton::clicked, this, [this] { runAccountAction(AccountAction::Register); });
    connect(m_signOut, &QPushButton::clicked, this, [this] { runAccountAction(AccountAction::SignOut); });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        m_oldPassword.clear();
        m_newPassword.clear();
        if (outcome.sessions)
            showDevices(*outcome.sessions);
        showAccount();
        if (!outcome.ok) {
            m_accountState->setText(outcome.message);
            return;
        }
        if (!outcome.message.isEmpty()) { // where the token went, a device signed out, a new password
            m_accountNote = outcome.message;
            showAccount();
        }
        if (outcome.action == AccountAction::ListDevices || outcome.action == AccountAction::SignOutDevice)
            return;
        m_password->clear();
        Q_EMIT accountChanged(); // a new token (or none): the engine starts again with it
        if (outcome.action != AccountAction::SignOut)
            runAccountAction(AccountAction::ListDevices);
    });
    m_pages->addTab(sync, tr("Sync"));

    // The rules are the account's, kept in the window's store (never a second connection of this
    // thread's).
    if (m_store)
        addConflictsPage();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    load();
    resize(560, 520);
    if (!client::AccountFile::read(m_storePath).value(u"token"_s).toString().isEmpty())
        runAccountAction(AccountAction::ListDevices);
}

bool SettingsDialog::askNewPassword()
{
    QDialog ask(this);
    ask.setWindowTitle(tr("Change Password"));
    auto *form = new QFormLayout(&ask);
    form->addRow(note(tr("Every device, this one included, is signed out by a new password; this one signs in "
                         "again with it at once, the others when you sign them in."),
                      &ask));
    const auto field = [&](const char *name, const QString &label) {
        auto *edit = new QLineEdit(&ask);
        edit->setObjectName(QLatin1StringView(name));
        edit->setEchoMode(QLineEdit::Password);
        form->addRow(label, edit);
        return edit;
    };
    QLineEdit *old = field("oldPassword", tr("&Current password:"));
    QLineEdit *fresh = field("newPassword", tr("&New password:"));
    QLineEdit *again = field("repeatPassword", tr("&Repeat it:"));
    auto *problem = new QLabel(&ask);
    problem->setObjectName(u"passwordProblem"_s);
    form->addRow(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Change Password"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &ask, [&] {
        if (fresh->text().size() < 8)
            problem->setText(tr("The new password needs at least 8 characters."));
        else if (fresh->text() != again->text())
            problem->setText(tr("The two new passwords differ."));
        else
            ask.accept();
    });
    if (ask.exec() != QDialog::Accepted)
        return false;
    m_oldPassword = old->text();
    m_newPassword = fresh->text();
    return true;
}

void SettingsDialog::showDevices(const QList<client::account::Session> &sessions)
{
    const QString selected = m_devices->currentItem() ? m_devices->currentItem()->data(0, Qt::UserRole).toString() : QString();
    m_devices->clear();
    const QLocale locale;
    const auto when = [&locale](const QDateTime &t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : tr("never");
    };
    for (const client::account::Session &session : sessions) {
        const QString name = session.device.isEmpty() ? tr("(unnamed)") : session.device;
        auto *item = new QTreeWidgetItem(m_devices, {session.current ? tr("%1 (this device)").arg(name) : name,
                                                     when(session.signedIn), when(session.lastPull)});
        item->setData(0, Qt::UserRole, session.id);
        item->setData(0, Qt::UserRole + 1, session.current);
        if (session.id == selected)
            m_devices->setCurrentItem(item);
    }
    m_devices->resizeColumnToContents(0);
}

void SettingsDialog::addConflictsPage()
{
    auto *page = new QWidget(m_pages);
    page->setObjectName(u"conflictsPage"_s);
    // The explanation above the form, not in a row of it: a wrapped label in a form row is given
    // one line's height inside a tab.
    auto *column = new QVBoxLayout(page);
    column->addWidget(note(tr("When a field was changed on two devices before they synced, these rules decide. They "
                              "are kept with your account, so every device follows them. Text is always merged line "
                              "by line; changes to the same lines wait for you."),
                           page));
    auto *form = new QFormLayout;
    column->addLayout(form);
    column->addStretch();
    // Conflicts and histories name devices: this is how the others name this one.
    m_deviceName = new QLineEdit(page);
    m_deviceName->setObjectName(u"deviceName"_s);
    m_deviceName->setMaxLength(200);
    m_deviceName->setToolTip(tr("How your other devices name this one in conflicts and histories"));
    form->addRow(tr("This device's &name:"), m_deviceName);
    for (const auto &[kind, field] : scalarFields()) {
        auto *choice = new QComboBox(page);
        choice->setObjectName(u"policy_"_s + field);
        choice->addItem(tr("Later edit wins"), u"later-wins"_s);
        choice->addItem(tr("Always ask me"), u"ask"_s);
        auto *label = new QLabel(tr("%1:").arg(ItemWords::fieldLabel(kind, field)), page);
        label->setBuddy(choice);
        form->addRow(label, choice);
        m_policyChoices.append({field, choice});
    }
    m_policyState = new QLabel(page);
    m_policyState->setObjectName(u"policyState"_s);
    m_policyState->setWordWrap(true);
    m_policyState->hide();
    form->addRow(m_policyState);
    m_pages->addTab(page, tr("Conflicts"));
}

void SettingsDialog::loadPolicies()
{
    if (!m_store)
        return;
    m_deviceName->setText(m_store->deviceName(m_store->deviceId()));
    const QJsonObject policies = m_store->conflictPolicies();
    for (const auto &[field, choice] : std::as_const(m_policyChoices)) {
        const bool ask = policies.value(field).toString() == QLatin1String("ask");
        choice->setCurrentIndex(choice->findData(ask ? u"ask"_s : u"later-wins"_s));
    }
}

void SettingsDialog::savePolicies()
{
    if (!m_store)
        return;
    // The name goes to the server with this device's next changes.
    if (const QString name = m_deviceName->text().trimmed();
        !name.isEmpty() && name != m_store->deviceName(m_store->deviceId())) {
        if (auto named = m_store->setDeviceName(name); !named)
            qCWarning(lcUi) << "cannot store the device's name:" << named.error().message;
    }
    // Later-wins is what a field not listed gets: only the "ask" ones are written.
    QJsonObject policies;
    for (const auto &[field, choice] : std::as_const(m_policyChoices)) {
        if (choice->currentData().toString() == QLatin1String("ask"))
            policies.insert(field, u"ask"_s);
    }
    // Fields this dialog does not show (a newer version's) keep their rule.
    const QJsonObject before = m_store->conflictPolicies();
    for (auto it = before.begin(); it != before.end(); ++it) {
        const bool shown = std::ranges::any_of(m_policyChoices, [&it](const auto &p) { return p.first == it.key(); });
        if (!shown)
            policies.insert(it.key(), it.value());
    }
    if (policies == before)
        return;
    if (auto stored = m_store->setConflictPolicies(policies); !stored) {
        qCWarning(lcUi) << "cannot store the conflict policies:" << stored.error().message;
        m_policyState->setText(tr("The conflict rules could not be saved: %1").arg(stored.error().message));
        m_policyState->show();
        return;
    }
    m_policyState->hide();
    Q_EMIT accountChanged(); // the engine starts again and takes the rules to the server
}

void SettingsDialog::load()
{
    m_scheme->setCurrentIndex(m_scheme->findData(int(Appearance::scheme())));
    const QFont font = Appearance::editorFont();
    m_font->setCurrentFont(font);
    m_fontSize->setValue(font.pointSize() > 0 ? font.pointSize() : 10);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Appearance::language())));
    m_holdOnMetered->setChecked(QSettings().value(u"sync/holdOnMetered"_s, false).toBool());
    const QJsonObject account = client::AccountFile::read(m_storePath);
    m_server->setText(account.value(u"server"_s).toString());
    m_user->setText(account.value(u"user"_s).toString());
    showAccount();
    loadPolicies();
}

SettingsDialog::~SettingsDialog() { m_watcher.waitForFinished(); }

void SettingsDialog::done(int result)
{
    // The buttons wait too; the call has its own timeout. Reading the list of devices loses
    // nothing: it may finish after the dialog has closed (the destructor waits for it).
    if (m_watcher.isRunning() && m_running != AccountAction::ListDevices)
        return;
    QDialog::done(result);
}

void SettingsDialog::showAccount()
{
    const QJsonObject account = client::AccountFile::read(m_storePath);
    const bool signedIn = !account.value(u"token"_s).toString().isEmpty();
    const bool busy = m_watcher.isRunning();
    m_signIn->setEnabled(!busy && !signedIn);
    m_register->setEnabled(!busy && !signedIn);
    m_signOut->setEnabled(!busy && signedIn);
    m_server->setReadOnly(signedIn);
    m_user->setReadOnly(signedIn);
    m_password->setEnabled(!signedIn);
    m_devicesBox->setVisible(signedIn);
    const QTreeWidgetItem *device = m_devices->currentItem();
    m_signOutDevice->setEnabled(!busy && signedIn && device && !device->data(0, Qt::UserRole + 1).toBool());
    m_changePassword->setEnabled(!busy && signedIn);
    if (!signedIn)
        m_accountNote.clear();
    m_accountState->setText(signedIn ? tr("Signed in to %1 as %2.").arg(account.value(u"server"_s).toString(),
                                                                       account.value(u"user"_s).toString())
                                           + (m_accountNote.isEmpty() ? QString() : QLatin1Char(' ') + m_accountNote)
                                     : tr("Not signed in: everything stays on this computer."));
}

void SettingsDialog::runAccountAction(AccountAction action)
{
    const QUrl server(m_server->text().trimmed(), QUrl::StrictMode);
    const QString user = m_user->text().trimmed();
    const QString password = m_password->text();
    const bool signedInAction = action == AccountAction::ListDevices || action == AccountAction::SignOutDevice
        || action == AccountAction::ChangePassword;
    const QString sessionId = m_devices->currentItem() ? m_devices->currentItem()->data(0, Qt::UserRole).toString() : QString();
    const QString oldPassword = m_oldPassword;
    const QString newPassword = m_newPassword;
    if (action != AccountAction::SignOut && !signedInAction) {
        if (!client::account::isServerAddress(server)) {
            m_accountState->setText(tr("The server needs a web address, like https://notes.example.org."));
            return;
        }
        if (user.isEmpty() || password.isEmpty()) {
            m_accountState->setText(tr("Enter your account name and password."));
            return;
        }
    }
    if (action == AccountAction::SignOutDevice && sessionId.isEmpty())
        return;
    if (action != AccountAction::ListDevices) // a list's refresh is quiet
        m_accountState->setText(action == AccountAction::SignOut ? tr("Signing out…") : tr("Talking to the server…"));
    const QString storePath = m_storePath;
    const QString device = tr("%1 (Tidemark)").arg(QSysInfo::machineHostName());
    // The calls wait for the network and the keychain: on a worker thread, never on this one.
    m_running = action;
    m_watcher.setFuture(QtConcurrent::run([=]() -> Outcome {
        QJsonObject account = client::AccountFile::read(storePath);
        const QUrl accountServer(account.value(u"server"_s).toString());
        const QString accountToken = account.value(u"token"_s).toString();
        Outcome outcome{true, {}, action, std::nullopt};
        if (action == AccountAction::ChangePassword) {
            const auto fresh = client::account::changePassword(accountServer, accountToken, account.value(u"user"_s).toString(),
                                                               oldPassword, newPassword, device);
            if (!fresh)
                return {false, tr("Could not change the password: %1").arg(fresh.error().message), action, std::nullopt};
            account.insert(u"token"_s, *fresh);
            if (!client::AccountFile::write(storePath, account))
                return {false, tr("Could not write %1.").arg(client::AccountFile::path(storePath)), action, std::nullopt};
            outcome.message = tr("Password changed: your other devices sign in again with the new one.");
            return outcome;
        }
        if (action == AccountAction::SignOutDevice) {
            if (const auto out = client::account::signOutSession(accountServer, accountToken, sessionId); !out)
                return {false, tr("Could not sign the device out: %1").arg(out.error().message), action, std::nullopt};
            outcome.message = tr("The device is signed out: it syncs again once it signs in.");
        }
        if (action == AccountAction::ListDevices || action == AccountAction::SignOutDevice) {
            auto list = client::account::sessions(accountServer, accountToken);
            if (!list)
                return {false, tr("Could not list the account's devices: %1").arg(list.error().message), action, std::nullopt};
            outcome.sessions = std::move(*list);
            return outcome;
        }
        if (action == AccountAction::SignOut) {
            const auto out = client::account::logOut(QUrl(account.value(u"server"_s).toString()),
                                                     account.value(u"token"_s).toString());
            account.remove(u"token"_s);
            if (!client::AccountFile::write(storePath, account))
                return {false, tr("Could not write %1.").arg(client::AccountFile::path(storePath)), action, std::nullopt};
            Q_UNUSED(out); // signed out here either way; the server forgets the token when told
            return outcome;
        }
        if (action == AccountAction::Register) {
            if (auto made = client::account::registerAccount(server, user, password); !made)
                return {false, tr("Could not create the account: %1").arg(made.error().message), action, std::nullopt};
        }
        const auto token = client::account::logIn(server, user, password, device);
        if (!token)
            return {false, tr("Could not sign in: %1").arg(token.error().message), action, std::nullopt};
        const QJsonObject signedIn{{u"server"_s, server.toString()}, {u"user"_s, user}, {u"token"_s, *token}};
        bool inFile = false;
        if (!client::AccountFile::write(storePath, signedIn, &inFile))
            return {false, tr("Could not write %1.").arg(client::AccountFile::path(storePath)), action, std::nullopt};
        if (inFile)
            outcome.message = tr("No system keychain answered, so the sign-in is kept in %1, readable by you only.")
                                  .arg(client::AccountFile::path(storePath));
        return outcome;
    }));
    showAccount();
}

void SettingsDialog::save()
{
    Appearance::setScheme(Appearance::Scheme(m_scheme->currentData().toInt()));
    QFont font = m_font->currentFont();
    font.setPointSize(m_fontSize->value());
    Appearance::setEditorFont(font);
    const QString language = m_language->currentData().toString();
    if (language != Appearance::language()) {
        Appearance::setLanguage(language);
        m_languageChanged = true;
    }
    QSettings settings;
    if (settings.value(u"sync/holdOnMetered"_s, false).toBool() != m_holdOnMetered->isChecked()) {
        settings.setValue(u"sync/holdOnMetered"_s, m_holdOnMetered->isChecked());
        Q_EMIT accountChanged(); // the engine starts again with the new rule
    }
    savePolicies();
    Appearance::apply();
    Q_EMIT appearanceChanged();
}

} // namespace tidemark::ui
