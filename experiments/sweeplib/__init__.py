"""sweeplib: the machinery behind experiments/sweep (Strata's benchmark sweep runner).

Modules, in the order data flows through them:

    config      TOML/JSON sweep definition -> validated Config (errors name key and line)
    plan        Config -> cells (engine x benchmark x invocation), interleaved, commands resolved
    runner      runs one cell (locally or as a Slurm task) -> cells/<id>.json
    progress    the progress bar with ETA on stderr
    changepoint PELT + the warm-up classification of Barrett et al. (OOPSLA 2017)
    stats       bootstrap confidence intervals, geometric means
    analysis    cells -> raw rows and summary rows
    report      raw.csv, summary.csv, env.json, table.tex, README.md
    plots       PNG/PDF figures (matplotlib)
    envinfo     machine, toolchain and git provenance
    slurm       job-array scripts and the gather step
    cli         argument parsing and the top-level flow
"""
