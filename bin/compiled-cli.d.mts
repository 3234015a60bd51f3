/** Where a CLI's sources are and where its compiled build goes (see compiled-cli.mjs). */
export interface CompiledCli {
  /** The package root: the sources and the manifest's paths are relative to it. */
  root: string;
  /** The CLI's TypeScript entry, relative to root; it exports `main`. */
  entry: string;
  /** Where the builds and manifest.json go. */
  outDir: string;
  /** The file that decides how the build is made: a change to it is a change to the build. */
  builder: string;
}

export interface CliManifest {
  /** The entry module, relative to outDir. */
  entry: string;
  /** Every source the build was made from, relative to root: [mtime in ms, size]. */
  inputs: Record<string, [number, number]>;
}

export declare const HANDSUP_CLI: CompiledCli;
export declare function buildCli(cli?: CompiledCli): Promise<CliManifest>;
export declare function compiledCliEntry(cli?: CompiledCli, log?: (line: string) => void): Promise<string>;
