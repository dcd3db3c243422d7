"""One tree of errors. Each message says what went wrong and what to do.

    CableError
      InputError (400)     ── bad or unusable input: the user can fix it
        InputNotFound
        EmptyInput, BinaryInput, NotUTF8, InputTooLarge
        NotEnglish, NoArticle
        BadDate
      ModelNotFound (500)  ── the spaCy model is not installed
      StoreError (500)     ── the database could not be opened or written
"""

from __future__ import annotations


class CableError(Exception):
    """Base of everything Cable raises on purpose."""

    status = 500
    code = "error"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code


class InputError(CableError):
    status = 400
    code = "bad_input"


class InputNotFound(InputError):
    code = "not_found"


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class NotUTF8(InputError):
    code = "not_utf8"


class InputTooLarge(InputError):
    code = "too_large"


class NotEnglish(InputError):
    code = "not_english"


class NoArticle(InputError):
    code = "no_article"


class BadDate(InputError):
    code = "bad_date"


class ModelNotFound(CableError):
    code = "model_not_found"


class StoreError(CableError):
    code = "store_error"
