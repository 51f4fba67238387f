"""Whether people sign in: an OIDC provider in Streamlit's ``[auth]`` secrets.

The sidebar asks the running app (``st.secrets``, which ``AppTest`` can replace); ``synth dashboard``
asks before Streamlit starts, reading the files Streamlit will read (its ``secrets.files`` option:
``~/.streamlit/secrets.toml`` and ``.streamlit/secrets.toml`` in the current directory by default).
Both apply one rule, ``has_sign_in``, so the CLI never lets a public address through that the app
would then serve unauthenticated.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit import config

HOW_TO_SIGN_IN = "Configure an OIDC provider in Streamlit's [auth] secrets (.streamlit/secrets.toml)"


def has_sign_in(secrets: Mapping[str, Any]) -> bool:
    return bool(secrets.get("auth"))


def sign_in_configured() -> bool:
    """In the running app."""
    return bool(st.secrets.load_if_toml_exists()) and has_sign_in(st.secrets)


def sign_in_configured_on_disk() -> bool:
    """Before Streamlit starts, without loading ``st.secrets`` (which would export secrets to the
    environment and watch the files). An unreadable file counts as no sign-in: the safe side."""
    merged: dict[str, Any] = {}
    for location in config.get_option("secrets.files"):
        path = Path(location)
        if path.suffix == ".toml" and path.is_file():
            try:
                merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
        elif path.is_dir() and (path / "auth").is_dir():
            # Kubernetes-style secrets: one folder per top-level key.
            merged["auth"] = any((path / "auth").iterdir())
    return has_sign_in(merged)
