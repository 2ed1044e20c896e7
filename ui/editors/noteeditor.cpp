#include "ui/editors/noteeditor.h"

#include "ui/markdownedit.h"
#include "ui/conflicts/conflictbar.h"
#include "ui/conflicts/conflictresolver.h"
#include "ui/conflicts/mergedialog.h"
#include "model/store.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "sync/mergedocument.h"
#include "sync/protocol.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tidemark::ui {
namespace {

constexpr int kSaveDelayMs = 600;

// A line edit that reports losing focus, the moment to save it.
class FocusLineEdit final : public QLineEdit
{
public:
    FocusLineEdit(std::function<void()> onFocusOut, QWidget *parent)
        : QLineEdit(parent)
        , m_onFocusOut(std::move(onFocusOut))
    {
    }

protected:
    void focusOutEvent(QFocusEvent *event) override
    {
        QLineEdit::focusOutEvent(event);
        m_onFocusOut();
    }

private:
    std::function<void()> m_onFocusOut;
};

} // namespace

NoteEditor::NoteEditor(model::Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(u"noteEditor"_s);
    m_title = new FocusLineEdit([this] { saveNow(); }, this);
    m_title->setObjectName(u"noteTitle"_s);
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("Title (or the first heading)"));
    m_title->setFrame(false);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    m_tags = new FocusLineEdit([this] { saveNow(); }, this);
    m_tags->setObjectName(u"noteTags"_s);
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Tags, separated by commas"));
    m_tags->setFrame(false);

    m_body = new MarkdownEdit(this);
    // Enter after the title (or the tags) goes on to the text, as it does on paper.
    for (QLineEdit *field : {static_cast<QLineEdit *>(m_title), static_cast<QLineEdit *>(m_tags)})
        connect(field, &QLineEdit::returnPressed, this, [this] { focusBody(); });
    m_body->setObjectName(u"noteBody"_s);
    m_body->setAccessibleName(tr("Note text"));
    m_body->setPlaceholderText(tr("Write in Markdown…"));
    m_body->setFrameShape(QFrame::NoFrame);

    m_info = new QLabel(this);
    m_info->setObjectName(u"noteInfo"_s);
    m_info->setEnabled(false);

    // Over the note, while it has an open text conflict: what happened and the way to settle it.
    m_conflictBar = new ConflictBar(this);
    connect(m_conflictBar, &ConflictBar::resolveRequested, this, &NoteEditor::resolveConflict);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 8);
    layout->setSpacing(4);
    layout->addWidget(m_conflictBar);
    layout->addWidget(m_title);
    layout->addWidget(m_tags);
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_info);
    setTabOrder(m_title, m_tags);
    setTabOrder(m_tags, m_body);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &NoteEditor::saveNow);
    connect(m_title, &QLineEdit::textEdited, this, [this] {
        m_titleFromBody = m_title->text().isEmpty();
        markDirty(u"title"_s);
    });
    connect(m_tags, &QLineEdit::textEdited, this, [this] { markDirty(u"tags"_s); });
    connect(m_body, &MarkdownEdit::textEdited, this, [this] {
        if (m_loading)
            return;
        markDirty(u"body"_s);
        // A large note's title follows at the next save: reading its whole text at every
        // keystroke would cost more than a frame.
        if (m_titleFromBody && m_body->document()->characterCount() > MarkdownEdit::kHighlightLimit)
            m_dirty.insert(u"title"_s);
        else if (m_titleFromBody) {
            m_loading = true;
            m_title->setText(titleFromBody(m_body->toPlainText()));
            m_loading = false;
            m_dirty.insert(u"title"_s);
        }
    });
    connect(m_body, &MarkdownEdit::focusLost, this, &NoteEditor::saveNow);
    if (m_store)
        connect(m_store, &model::Store::entityChanged, this, &NoteEditor::onEntityChanged);
    setEnabled(false);
}

QString NoteEditor::titleFromBody(const QString &markdown)
{
    static const QRegularExpression heading(u"^\\s{0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$"_s, QRegularExpression::MultilineOption);
    if (const auto match = heading.match(markdown); match.hasMatch())
        return match.captured(1).left(200);
    for (qsizetype from = 0; from < markdown.size();) {
        qsizetype end = markdown.indexOf(QLatin1Char('\n'), from);
        if (end < 0)
            end = markdown.size();
        if (const QStringView line = QStringView(markdown).mid(from, end - from).trimmed(); !line.isEmpty())
            return line.left(200).toString();
        from = end + 1;
    }
    return {};
}

void NoteEditor::markDirty(const QString &field)
{
    if (m_loading || m_id.isEmpty())
        return;
    m_dirty.insert(field);
    m_saveTimer.start();
}

QStringList NoteEditor::tagsFromField() const
{
    QStringList tags;
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty())
            tags << tag.trimmed();
    return tags;
}

void NoteEditor::saveNow()
{
    m_saveTimer.stop();
    if (m_dirty.isEmpty() || m_id.isEmpty() || !m_store)
        return;
    QJsonObject changes;
    if (m_dirty.contains(u"title"_s))
        changes.insert(u"title"_s, m_title->text().trimmed());
    if (m_dirty.contains(u"tags"_s))
        changes.insert(u"tags"_s, QJsonArray::fromStringList(tagsFromField()));
    QString body;
    if (m_dirty.contains(u"body"_s)) {
        body = m_body->toPlainText();
        changes.insert(u"body"_s, body);
        if (m_titleFromBody && m_dirty.contains(u"title"_s)) {
            // A large note's title, deferred from typing (see the constructor).
            m_loading = true;
            m_title->setText(titleFromBody(body));
            m_loading = false;
            changes.insert(u"title"_s, m_title->text().trimmed());
        }
    }
    const auto saved = m_store->update(m_id, changes);
    if (!saved) {
        // The typing stays in the editor and is tried again with the next change.
        m_info->setText(tr("Not saved: %1").arg(saved.error().message));
        setInfoWarning(true);
        Q_EMIT failed(saved.error().message);
        return;
    }
    m_dirty.clear();
    const QDateTime now = QDateTime::currentDateTime();
    m_info->setText(withSize(tr("Saved %1").arg(QLocale().toString(now.time(), QLocale::ShortFormat)),
                             changes.contains(u"body"_s) ? body : saved->string(u"body"_s)));
    Q_EMIT this->saved(now);
}

QString NoteEditor::withSize(const QString &info, const QString &body)
{
    // Near the limit the line says how near; every character is at least one byte, at most three.
    const qsizetype bytes = body.size() * 3 >= model::Fields::kNearTextBytes ? sync::utf8Length(body) : 0;
    setInfoWarning(bytes >= model::Fields::kNearTextBytes);
    QString line = info;
    if (bytes >= model::Fields::kNearTextBytes)
        line += u" · "_s + tr("%1 of at most %2").arg(sync::sizeForPeople(bytes),
                                                      sync::sizeForPeople(sync::kMaxTextBytes));
    if (!m_body->isHighlighted())
        line += u" · "_s + tr("shown without highlighting (over %1)")
                               .arg(sync::sizeForPeople(MarkdownEdit::kHighlightLimit));
    return line;
}

void NoteEditor::setInfoWarning(bool warning)
{
    // Enabled, the line stands out in the text colour (a warning); disabled, it is muted.
    m_info->setEnabled(warning);
}

void NoteEditor::setNote(const QString &id)
{
    if (id == m_id)
        return;
    saveNow();
    m_id = id;
    m_dirty.clear();
    load();
}

void NoteEditor::load()
{
    const auto entity = m_store && !m_id.isEmpty() ? m_store->entity(m_id) : std::nullopt;
    m_loading = true;
    if (!entity || entity->kind != model::Kind::Note) {
        m_id.clear();
        m_title->clear();
        m_tags->clear();
        m_body->clear();
        m_info->clear();
        setEnabled(false);
        m_loading = false;
        updateConflictBar();
        return;
    }
    setEnabled(true);
    const QString body = entity->string(u"body"_s);
    m_title->setText(entity->string(u"title"_s));
    QStringList tags;
    for (const QJsonValue &tag : entity->fields.value(u"tags"_s).toArray())
        tags << tag.toString();
    m_tags->setText(tags.join(u", "_s));
    m_body->setMarkdown(body);
    m_body->moveCursor(QTextCursor::Start);
    m_titleFromBody = m_title->text().isEmpty() || m_title->text() == titleFromBody(body);
    m_info->setText(withSize(tr("Changed %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(entity->updatedAt),
                                                                   QLocale::ShortFormat)),
                             body));
    if (entity->fields.value(u"archived"_s).toBool())
        m_info->setText(tr("Archived · %1").arg(m_info->text()));
    m_body->setReadOnly(entity->isDeleted());
    m_title->setReadOnly(entity->isDeleted());
    m_tags->setReadOnly(entity->isDeleted());
    if (entity->isDeleted())
        m_info->setText(tr("In the Trash: restore it to edit."));
    m_loading = false;
    updateConflictBar();
}

QFrame *NoteEditor::conflictBar() const { return m_conflictBar; }

void NoteEditor::updateConflictBar()
{
    // The merge dialog is for the text; the other fields' conflicts are in the conflict centre.
    m_conflictBar->follow(m_store, m_id, {u"body"_s},
                          tr("This note was changed here and on another device in the same place. "
                             "Nothing is lost: both versions are kept until you choose."));
}

void NoteEditor::resolveConflict()
{
    if (m_conflictBar->conflictId().isEmpty() || !m_store)
        return;
    saveNow();
    QString error;
    switch (ConflictResolver::run(*m_store, m_id, window(), &error)) {
    case ConflictResolver::Outcome::Nothing:
        updateConflictBar();
        return;
    case ConflictResolver::Outcome::Cancelled:
        return;
    case ConflictResolver::Outcome::SettledMeanwhile:
        m_info->setText(tr("This conflict was settled on another device meanwhile."));
        break;
    case ConflictResolver::Outcome::Failed:
        Q_EMIT failed(error);
        break;
    case ConflictResolver::Outcome::Resolved:
    case ConflictResolver::Outcome::KeptBoth:
        break;
    }
    load();
}

void NoteEditor::onEntityChanged(model::Kind kind, const QString &id)
{
    if (kind != model::Kind::Note || id != m_id)
        return;
    const auto entity = m_store->entity(id);
    if (!entity) {
        setNote({});
        return;
    }
    // Fields the user is editing keep what is on screen; the rest follow the store.
    m_loading = true;
    if (!m_dirty.contains(u"title"_s) && m_title->text() != entity->string(u"title"_s))
        m_title->setText(entity->string(u"title"_s));
    if (!m_dirty.contains(u"tags"_s)) {
        QStringList tags;
        for (const QJsonValue &tag : entity->fields.value(u"tags"_s).toArray())
            tags << tag.toString();
        if (tags != tagsFromField())
            m_tags->setText(tags.join(u", "_s));
    }
    if (!m_dirty.contains(u"body"_s))
        m_body->setTextKeepingCursor(entity->string(u"body"_s));
    const bool deleted = entity->isDeleted();
    m_body->setReadOnly(deleted);
    m_title->setReadOnly(deleted);
    m_tags->setReadOnly(deleted);
    m_loading = false;
    updateConflictBar(); // a pull brings conflicts and settles them
}

void NoteEditor::focusBody() { m_body->setFocus(Qt::OtherFocusReason); }
void NoteEditor::focusTitle() { m_title->setFocus(Qt::OtherFocusReason); }

} // namespace tidemark::ui
