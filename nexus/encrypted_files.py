"""Files at rest: every byte Fernet-encrypted with the same keys as the encrypted columns.

`EncryptedFileSystemStorage` writes the Fernet token of a file's content, never the content
itself, so a copied disk or backup of the folder holds no readable photo; opening a file
decrypts it with whichever key of NEXUS_FIELD_ENCRYPTION_KEYS fits (`rotate_field_keys`
re-encrypts every such file with the first key, as it does the columns). The storage has no
URL: its files are served only by views that check who is asking and audit it, never as media.
"""

import os
import tempfile

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import models

from nexus.crypto import fernet


class EncryptedFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        content.seek(0)
        token = fernet().encrypt(content.read())
        return super()._save(name, ContentFile(token))

    def _open(self, name, mode="rb"):
        with super()._open(name, "rb") as stored:
            plain = fernet().decrypt(stored.read())
        return ContentFile(plain, name=name)

    def url(self, name):
        raise ValueError("Encrypted files have no URL: serve them through an audited view.")

    def reencrypt(self, name):
        """Rewrite one file with the newest key, atomically (a crash leaves the old, readable one)."""
        path = self.path(name)
        with open(path, "rb") as stored:
            token = fernet().rotate(stored.read())
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(handle, "wb") as out:
            out.write(token)
        os.replace(temporary, path)


def encrypted_file_fields():
    """[(model, field name)] for every installed model's file field kept in encrypted storage."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField) and isinstance(field.storage, EncryptedFileSystemStorage)
    ]
