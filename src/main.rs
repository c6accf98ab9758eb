//! The `zorgpad` binary: parse the arguments, run, turn the result into an exit code.
//! Everything else lives in the library so that tests and benchmarks use the same code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match zorgpad::Args::parse_dutch() {
        Ok(args) => args,
        Err(usage) => return usage.exit(),
    };
    match zorgpad::run(args) {
        Ok(code) => code.into(),
        Err(error) => {
            zorgpad::print_error(&error);
            error.exit_code().into()
        }
    }
}
