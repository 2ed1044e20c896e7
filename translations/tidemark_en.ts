<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ItemWords</name>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s)</source>
        <translation>
            <numerusform>every %n week</numerusform>
            <numerusform>every %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s)</source>
        <translation>
            <numerusform>every %n month</numerusform>
            <numerusform>every %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n year(s)</source>
        <translation>
            <numerusform>every %n year</numerusform>
            <numerusform>every %n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: a choice was undone on %2 at %3; the version back has %n line(s) and starts %4.</source>
        <translation>
            <numerusform>%1: a choice was undone on %2 at %3; the version back has %n line and starts %4.</numerusform>
            <numerusform>%1: a choice was undone on %2 at %3; the version back has %n lines and starts %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was decided on %2 at %3: the version kept has %n line(s) and starts %4.</source>
        <translation>
            <numerusform>%1 was decided on %2 at %3: the version kept has %n line and starts %4.</numerusform>
            <numerusform>%1 was decided on %2 at %3: the version kept has %n lines and starts %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its lines differ from the other version.</source>
        <translation>
            <numerusform>%n of its lines differs from the other version.</numerusform>
            <numerusform>%n of its lines differ from the other version.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::model::CollectionTreeModel</name>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n item</numerusform>
            <numerusform>%1: %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConflictCentre</name>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <translation>
            <numerusform>%n waiting for you</numerusform>
            <numerusform>%n waiting for you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settled in the last 30 days</source>
        <translation>
            <numerusform>%n settled in the last 30 days</numerusform>
            <numerusform>%n settled in the last 30 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::DiffWriter</name>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unchanged line</numerusform>
            <numerusform>⋯ %n unchanged lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MainWindow</name>
    <message numerus="yes">
        <source>Erase the %n item(s) in the Trash from this computer? This cannot be undone.</source>
        <translation>
            <numerusform>Erase the %n item in the Trash from this computer? This cannot be undone.</numerusform>
            <numerusform>Erase the %n items in the Trash from this computer? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) erased</source>
        <translation>
            <numerusform>%n item erased</numerusform>
            <numerusform>%n items erased</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent</source>
        <translation>
            <numerusform>%n change not sent</numerusform>
            <numerusform>%n changes not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) need you: see Conflicts in the sidebar</source>
        <translation>
            <numerusform>%n conflict needs you: see Conflicts in the sidebar</numerusform>
            <numerusform>%n conflicts need you: see Conflicts in the sidebar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from your other devices</source>
        <translation>
            <numerusform>%n change from your other devices</numerusform>
            <numerusform>%n changes from your other devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept for sync</source>
        <translation>
            <numerusform>%n change kept for sync</numerusform>
            <numerusform>%n changes kept for sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) had changed since and keep their newer values.</source>
        <translation>
            <numerusform>%n item had changed since and keeps its newer value.</numerusform>
            <numerusform>%n items had changed since and keep their newer values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to the Trash.</source>
        <translation>
            <numerusform>%n item moved to the Trash.</numerusform>
            <numerusform>%n items moved to the Trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) restored.</source>
        <translation>
            <numerusform>%n item restored.</numerusform>
            <numerusform>%n items restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked done.</source>
        <translation>
            <numerusform>%n task marked done.</numerusform>
            <numerusform>%n tasks marked done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) marked not done.</source>
        <translation>
            <numerusform>%n task marked not done.</numerusform>
            <numerusform>%n tasks marked not done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) pinned.</source>
        <translation>
            <numerusform>%n note pinned.</numerusform>
            <numerusform>%n notes pinned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) unpinned.</source>
        <translation>
            <numerusform>%n note unpinned.</numerusform>
            <numerusform>%n notes unpinned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) moved to %1.</source>
        <translation>
            <numerusform>%n item moved to %1.</numerusform>
            <numerusform>%n items moved to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) archived.</source>
        <translation>
            <numerusform>%n note archived.</numerusform>
            <numerusform>%n notes archived.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) back from the Archive.</source>
        <translation>
            <numerusform>%n note back from the Archive.</numerusform>
            <numerusform>%n notes back from the Archive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MergeDialog</name>
    <message numerus="yes">
        <source>%n to decide</source>
        <translation>
            <numerusform>%n to decide</numerusform>
            <numerusform>%n to decide</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::PendingView</name>
    <message numerus="yes">
        <source>%n change(s) waiting for the server</source>
        <translation>
            <numerusform>%n change waiting for the server</numerusform>
            <numerusform>%n changes waiting for the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n try(s)</source>
        <translation>
            <numerusform>%n try</numerusform>
            <numerusform>%n tries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %n listed, in the order they are sent</source>
        <translation>
            <numerusform>the first %n listed, in the order they are sent</numerusform>
            <numerusform>the first %n listed, in the order they are sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::Shell</name>
    <message numerus="yes">
        <source>Tidemark: %n overdue</source>
        <translation>
            <numerusform>Tidemark: %n overdue</numerusform>
            <numerusform>Tidemark: %n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::TaskEditor</name>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>year</numerusform>
            <numerusform>years</numerusform>
        </translation>
    </message>
</context>
</TS>
