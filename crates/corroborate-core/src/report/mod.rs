//! Report stage: the dossier as JSON (SPEC.md, `corroborate.dossier/1`).
