import GaizaoCLI; await GaizaoCommand.main()
