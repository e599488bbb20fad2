import GuichetCLI

await GuichetEntryPoint.main()
