"""Validated registry files as plain JSON data, and back, without pydantic.

The shipped registry is stored pre-validated as `betas.json` (see `scripts/gen_registry_json.py`)
and extra registries are cached in the same form: JSON holds no code, so reading it can never
run anything. `decode` is strict: every field must have exactly the type the schema declares
(a `Literal` one of its values), and anything else raises `CodecError`, which the loader treats
as a cache miss (or, for the shipped file, as a reason to validate `betas.toml` instead).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any, Generic, TypeVar

from betalint.registry import schema

_T = TypeVar("_T")


class CodecError(ValueError):
    """The data does not have the shape of the schema."""


def encode(value: object) -> Any:
    """A schema dataclass (or a value inside one) as JSON-ready data: dates become ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):  # a dict, or the shipped registry's LazyValues
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def decode(kind: type[_T], data: object) -> _T:
    """`data` (as `encode` made it) rebuilt as `kind`; `CodecError` when the shape differs."""
    value: _T = _decoder(typing.cast(Any, kind))(data)
    return value


_Decoder = Callable[[object], Any]


def decode_lazily(kind: type[_T], data: object, field: str) -> _T:
    """As `decode`, except that the mapping `field` (declared `Mapping[str, X]`) is decoded
    value by value on first access (`LazyValues`): for trusted data only (the shipped
    registry, as trusted as the code), where a shape error is a bug found at use."""
    items = _expect(dict, data)
    raw = _expect(dict, items.get(field))
    hints = typing.get_type_hints(kind, vars(schema))
    value_type = typing.get_args(hints[field])[1]
    for key in raw:
        _expect(str, key)
    decoded = decode(kind, {**items, field: {}})
    lazy = LazyValues(raw, _decoder(value_type))
    result: _T = dataclasses.replace(typing.cast(Any, decoded), **{field: lazy})
    return result


class LazyValues(Mapping[str, _T], Generic[_T]):
    """A read-only mapping whose values are decoded on first access and kept: checking one
    file needs the few entries its names hit, not all of them (decoding all costs ~4 ms)."""

    __slots__ = ("_decode", "_done", "_raw")

    def __init__(self, raw: dict[str, object], decode_one: Callable[[object], _T]) -> None:
        self._raw = raw
        self._decode = decode_one
        self._done: dict[str, _T] = {}

    def __getitem__(self, key: str) -> _T:
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = self._decode(self._raw[key])
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


@cache
def _decoder(tp: Any) -> _Decoder:
    """One function per type, built once: decoding a registry then costs a few milliseconds."""
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return _literal_decoder(args)
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda data: tuple(item(v) for v in _expect(list, data))
    if origin in (dict, Mapping) and args[0] is str:
        value = _decoder(args[1])
        return lambda data: {_expect(str, k): value(v) for k, v in _expect(dict, data).items()}
    if tp is dt.date:
        return _date
    if tp in (str, bool, int):
        return lambda data: _expect(tp, data)
    raise TypeError(f"no decoder for {tp!r}")  # a schema change the codec does not know


def _dataclass_decoder(tp: Any) -> _Decoder:
    hints = typing.get_type_hints(tp, vars(schema))
    fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(tp)}

    def decode_one(data: object) -> Any:
        items = _expect(dict, data)
        try:
            return tp(**{k: fields[k](v) for k, v in items.items()})
        except KeyError as exc:
            raise CodecError(f"{tp.__name__}: unknown field {exc}") from None
        except TypeError as exc:  # a required field is missing
            raise CodecError(f"{tp.__name__}: {exc}") from None

    return decode_one


def _literal_decoder(args: tuple[Any, ...]) -> _Decoder:
    allowed = frozenset(args)
    kinds = frozenset(type(a) for a in args)

    def decode_one(data: object) -> Any:
        if type(data) not in kinds or data not in allowed:
            raise CodecError(f"{data!r} is not one of {sorted(map(str, allowed))}")
        return data

    return decode_one


def _union_decoder(args: tuple[Any, ...]) -> _Decoder:
    """`X | None`, or `str | ModelSpan`: the first member that takes the data (their JSON
    shapes differ: a string, an object), None only where the union allows it."""
    nullable = type(None) in args
    members = [_decoder(a) for a in args if a is not type(None)]

    def decode_one(data: object) -> Any:
        if data is None and nullable:
            return None
        for member in members:
            try:
                return member(data)
            except CodecError:
                continue
        raise CodecError(f"{data!r} matches none of {args}")

    return decode_one


def _date(data: object) -> dt.date:
    try:
        return dt.date.fromisoformat(_expect(str, data))
    except ValueError:
        raise CodecError(f"{data!r} is not a date") from None


def _expect(kind: type[_T], data: object) -> _T:
    # `type(...) is`, not isinstance: True is an int, and a bool field must not take 1.
    if type(data) is not kind:
        raise CodecError(f"expected {kind.__name__}, got {type(data).__name__}")
    return data
