#include "settingsdialog.h"

#include "appearance.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace tidemark::ui {
namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(s("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_pages = new QTabWidget(this);

    auto *appearance = new QWidget(m_pages);
    appearance->setObjectName(s("appearancePage"));
    auto *appearanceForm = new QFormLayout(appearance);
    m_scheme = new QComboBox(appearance);
    m_scheme->setObjectName(s("schemeChoice"));
    m_scheme->addItem(tr("Follow the system"), int(Appearance::Scheme::System));
    m_scheme->addItem(tr("Light"), int(Appearance::Scheme::Light));
    m_scheme->addItem(tr("Dark"), int(Appearance::Scheme::Dark));
    appearanceForm->addRow(tr("&Colours:"), m_scheme);
    m_font = new QFontComboBox(appearance);
    m_font->setObjectName(s("editorFontChoice"));
    m_fontSize = new QSpinBox(appearance);
    m_fontSize->setObjectName(s("editorFontSize"));
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
    language->setObjectName(s("languagePage"));
    auto *languageForm = new QFormLayout(language);
    m_language = new QComboBox(language);
    m_language->setObjectName(s("languageChoice"));
    m_language->addItem(tr("The system's language"), QString());
    for (const auto &[code, name] : Appearance::languages())
        m_language->addItem(name, code);
    languageForm->addRow(tr("&Language:"), m_language);
    languageForm->addRow(note(tr("The window is rebuilt in the new language when you press OK."), language));
    m_pages->addTab(language, tr("Language"));

    auto *sync = new QWidget(m_pages);
    sync->setObjectName(s("syncPage"));
    auto *syncForm = new QFormLayout(sync);
    syncForm->addRow(note(tr("Tidemark keeps everything on this computer. With a Tidemark server of your own, "
                             "your devices stay in step; leave the server empty to work locally only."),
                          sync));
    m_server = new QLineEdit(sync);
    m_server->setObjectName(s("syncServer"));
    m_server->setPlaceholderText(tr("https://notes.example.org"));
    syncForm->addRow(tr("&Server:"), m_server);
    m_user = new QLineEdit(sync);
    m_user->setObjectName(s("syncUser"));
    syncForm->addRow(tr("&Account:"), m_user);
    m_pages->addTab(sync, tr("Sync"));

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
    resize(520, 360);
}

void SettingsDialog::load()
{
    m_scheme->setCurrentIndex(m_scheme->findData(int(Appearance::scheme())));
    const QFont font = Appearance::editorFont();
    m_font->setCurrentFont(font);
    m_fontSize->setValue(font.pointSize() > 0 ? font.pointSize() : 10);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Appearance::language())));
    QSettings settings;
    m_server->setText(settings.value(s("sync/server")).toString());
    m_user->setText(settings.value(s("sync/user")).toString());
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
    const QString server = m_server->text().trimmed();
    if (!server.isEmpty() && !QUrl(server, QUrl::StrictMode).isValid())
        m_server->setToolTip(tr("This is not a web address."));
    settings.setValue(s("sync/server"), server);
    settings.setValue(s("sync/user"), m_user->text().trimmed());
    Appearance::apply();
    Q_EMIT appearanceChanged();
}

} // namespace tidemark::ui
