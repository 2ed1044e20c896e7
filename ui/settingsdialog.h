#pragma once

#include <QDialog>

class QComboBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace tidemark::ui {

/// Settings: Appearance (colour scheme, editor font), Language, and Sync (server address and
/// account). OK and Apply write them to QSettings and apply appearance at once; a new language
/// is applied by the window when the dialog has closed.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    [[nodiscard]] QTabWidget *pages() const { return m_pages; }
    /// Whether OK or Apply changed the language.
    [[nodiscard]] bool languageChanged() const { return m_languageChanged; }

Q_SIGNALS:
    void appearanceChanged();

private:
    void load();
    void save();

    QTabWidget *m_pages = nullptr;
    QComboBox *m_scheme = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_user = nullptr;
    bool m_languageChanged = false;
};

} // namespace tidemark::ui
