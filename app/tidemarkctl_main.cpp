// tidemarkctl: the command-line client over the same model (and, later, sync) libraries as the app.
#include "ctl/cli.h"

#include <tidemark/version.h>

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidemarkctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(tidemark::kVersion));
    return tidemark::ctl::Cli().run(QCoreApplication::arguments());
}
