#include "ui/editors/quickentry.h"

#include "model/store.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tidemark::ui {

QuickEntryDialog::QuickEntryDialog(model::Store *store, QString collectionId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_collectionId(std::move(collectionId))
{
    setObjectName(u"quickEntry"_s);
    setWindowTitle(tr("Quick Entry"));
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"quickEntryField"_s);
    m_field->setAccessibleName(tr("What to add"));
    m_field->setPlaceholderText(tr("Add a task, then press Enter"));
    m_field->setMinimumWidth(380);
    m_task = new QRadioButton(tr("&Task"), this);
    m_task->setObjectName(u"quickEntryTask"_s);
    m_note = new QRadioButton(tr("&Note"), this);
    m_note->setObjectName(u"quickEntryNote"_s);
    m_task->setChecked(true);
    connect(m_note, &QRadioButton::toggled, this, [this](bool note) {
        m_field->setPlaceholderText(note ? tr("Add a note, then press Enter") : tr("Add a task, then press Enter"));
    });

    QString where = tr("No collection");
    if (m_store && !m_collectionId.isEmpty())
        if (const auto row = m_store->collectionRow(m_collectionId))
            where = row->name;
    auto *whereLabel = new QLabel(tr("Into: %1").arg(where), this);
    whereLabel->setEnabled(false);

    auto *kinds = new QHBoxLayout;
    kinds->addWidget(m_task);
    kinds->addWidget(m_note);
    kinds->addStretch();
    kinds->addWidget(whereLabel);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QuickEntryDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_field);
    layout->addLayout(kinds);
    layout->addWidget(buttons);
}

void QuickEntryDialog::create()
{
    const QString title = m_field->text().trimmed();
    if (title.isEmpty() || !m_store) {
        reject();
        return;
    }
    QJsonObject fields{{u"title"_s, title}};
    if (!m_collectionId.isEmpty())
        fields.insert(u"collection"_s, m_collectionId);
    const auto created = m_store->create(m_task->isChecked() ? model::Kind::Task : model::Kind::Note, fields);
    if (!created) {
        m_field->setToolTip(created.error().message);
        return; // the text stays for another try
    }
    Q_EMIT this->created(created->id, title);
    accept();
}

} // namespace tidemark::ui
