//! The `bodoc` command line: argument parsing only; the work is in `driver`.

use std::path::PathBuf;
use std::process::ExitCode;

use bodoc::driver::{self, BuildOptions, EmitKind};
use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  bodoc build prog.py                 # -> ./prog
  mpiexec -n 4 ./prog                 # run on 4 ranks
  bodoc run -n 2 prog.py -- 1000      # build (or reuse) and run with arguments
  bodoc check prog.py                 # diagnostics only
  bodoc build --emit llvm-ir prog.py  # -> prog.ll";

#[derive(Parser)]
#[command(name = "bodoc", version, about = "Ahead-of-time compiler for Python with @bodo.jit functions to MPI executables", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Compile a program to a standalone executable
    #[command(after_help = EXAMPLES)]
    Build(BuildArgs),
    /// Build (or reuse) a program and run it under mpiexec
    Run {
        /// Number of MPI ranks
        #[arg(short = 'n', long = "ranks", default_value_t = 1)]
        ranks: u32,
        #[command(flatten)]
        build: BuildArgs,
        /// Arguments passed to the program (after `--`)
        #[arg(last = true)]
        args: Vec<String>,
    },
    /// Parse and type-check a program; print diagnostics
    Check { file: PathBuf },
    /// Print the distribution report of every jit function (data, parallel loops, REP reasons)
    Explain {
        file: PathBuf,
        /// Analyse for SPMD launch
        #[arg(long)]
        spmd: bool,
    },
    /// Manage the build cache
    Cache {
        #[command(subcommand)]
        action: CacheCmd,
    },
}

#[derive(Subcommand)]
enum CacheCmd {
    /// Delete every cached build
    Clean,
    /// Print the cache directory
    Dir,
}

#[derive(Args)]
struct BuildArgs {
    /// The Python source file
    file: PathBuf,
    /// Output path
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
    /// Optimization level 0-3
    #[arg(short = 'O', default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=3))]
    opt: u8,
    /// Write this instead of an executable
    #[arg(long, value_enum)]
    emit: Option<EmitArg>,
    /// No progress lines
    #[arg(short, long)]
    quiet: bool,
    /// Show the link command
    #[arg(short, long)]
    verbose: bool,
    /// SPMD launch: driver code runs on every rank with local chunks of distributed data
    #[arg(long)]
    spmd: bool,
    /// Let array loops call glibc's vector math library for exp/log/sin/...:
    /// faster, but results may differ from NumPy's in the last bits
    #[arg(long)]
    fast_math: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum EmitArg {
    #[value(name = "llvm-ir")]
    LlvmIr,
    Asm,
    Obj,
    /// bodoc's own typed IR
    Ir,
}

impl BuildArgs {
    fn options(self) -> BuildOptions {
        BuildOptions {
            source: self.file,
            output: self.output,
            opt_level: self.opt,
            emit: self.emit.map(|e| match e {
                EmitArg::LlvmIr => EmitKind::LlvmIr,
                EmitArg::Asm => EmitKind::Asm,
                EmitArg::Obj => EmitKind::Obj,
                EmitArg::Ir => EmitKind::Ir,
            }),
            quiet: self.quiet,
            spmd: self.spmd,
            fast_math: self.fast_math,
            verbose: self.verbose,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Build(b) => driver::build(&b.options()).map(|_| 0),
        Cmd::Run { ranks, build, args } => driver::run(&build.options(), ranks, &args),
        Cmd::Check { file } => driver::check(&file).map(|_| 0),
        Cmd::Explain { file, spmd } => driver::explain(&file, spmd).map(|_| 0),
        Cmd::Cache { action: CacheCmd::Clean } => driver::cache_clean().map(|_| 0),
        Cmd::Cache { action: CacheCmd::Dir } => {
            println!("{}", driver::cache_dir().display());
            Ok(0)
        }
    };
    match r {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(f) => ExitCode::from(f.code as u8),
    }
}
