// tidemarkctl: the command-line client over the same model (and, later, sync) libraries as the app.
#include "ctl/cli.h"

#include <tidemark/version.h>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tidemarkctl"_s);
    QCoreApplication::setOrganizationName(u"Tidemark"_s);
    QCoreApplication::setApplicationVersion(QLatin1StringView(tidemark::kVersion));
    return tidemark::ctl::Cli().run(QCoreApplication::arguments());
}
