import ArgumentParser

@main
struct ChainRisk: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chainrisk")
    func run() throws {}
}
