"""Whether a run reads the installed SDKs (`registry/sdk_layer.py`), and how they are shown.

On by default; off with `sdk-layer = false` in the config (per config, like every setting)
or `BETALINT_NO_SDK_LAYER=1` in the environment (for a whole run: reproducible CI logs).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from betalint.registry.errors import BetalintError

if TYPE_CHECKING:
    from betalint.registry.model import Registry
    from betalint.registry.sdk_layer import SdkLayer

ENV_OFF = "BETALINT_NO_SDK_LAYER"


def sdk_layer(paths: Sequence[str]) -> SdkLayer | None:
    """The SDK layer of a run over `paths`, or None when the environment turns it off."""
    if os.environ.get(ENV_OFF, "").strip() not in ("", "0"):
        return None
    from betalint.registry.sdk_layer import SdkLayer

    return SdkLayer(tuple(paths))


def cwd_sdk_layer() -> SdkLayer | None:
    """For `validate`, `registry show` and `--version`: the cwd's config decides.

    These commands read no other setting, so a config that fails to load does not stop
    them; its own commands report it.
    """
    from betalint.linter.config import ConfigResolver

    cwd = os.getcwd()
    try:
        enabled = ConfigResolver().settings_for(cwd).sdk_layer
    except BetalintError:
        enabled = True
    return sdk_layer([cwd]) if enabled else None


def describe(layer: SdkLayer | None, registry: Registry) -> list[str]:
    """One line per SDK found: release, kind, how many of its names the registry lacks."""
    if layer is None:
        return ["SDK layer off"]
    lines = []
    for sdk in layer.sdks():
        new = sum(1 for name in sdk.names if name not in registry)
        lines.append(
            f"{sdk.label} ({sdk.kind} SDK, {len(sdk.names)} names, "
            f"{new} not in the registry: {sdk.literal})"
        )
    return lines or ["no installed SDK found"]
