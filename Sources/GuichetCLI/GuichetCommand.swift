public import ArgumentParser

/// `guichet`: the root command.
public struct GuichetCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "guichet",
        abstract: "Le guichet qui reste ouvert : dossier, délais et documents face aux démarches en ligne.",
        discussion: """
            Sans configuration, `guichet serve` sert le dossier livré avec le logiciel sur http://127.0.0.1:8080, \
            avec une base SQLite dans ./guichet-data.
            """,
        subcommands: [
            ServeCommand.self, ContentCommand.self, SearchCommand.self, DeadlineCommand.self, CourtCommand.self,
            HolidaysCommand.self, JournalCommand.self, EvidenceCommand.self, DocumentCommand.self, BackupCommand.self, RestoreCommand.self,
            PurgeCommand.self, MigrateCommand.self, ExportCommand.self, ImportCommand.self,
            StemCommand.self, OrgCommand.self, UserCommand.self, KeysCommand.self, AuditCommand.self,
            RemindersCommand.self, ObservatoryCommand.self,
        ]
    )

    public init() {}
}

/// The process entry point, so that the executable needs no other import.
public enum GuichetEntryPoint {
    /// Parses the arguments and runs the command; exits with its status.
    public static func main() async {
        await GuichetCommand.main()
    }
}
