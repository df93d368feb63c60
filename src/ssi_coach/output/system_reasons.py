"""The system's reasons (`strerror`: "No such file or directory") in French.

The errors below the CLI keep the system's sentence, which is English; the usual ones are
found here by their errno and said in French. Another reason is shown as the system gave it.
"""

import errno
import os

FRENCH: dict[int, str] = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EEXIST: "le fichier existe déjà",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.ELOOP: "trop de niveaux de liens symboliques",
    errno.EIO: "erreur d'entrée-sortie",
    errno.EPIPE: "tube fermé",
    errno.EBADF: "descripteur de fichier invalide",
}
_BY_TEXT = {os.strerror(number): said for number, said in FRENCH.items()}


def in_french(reason: object) -> object:
    """`reason` in French if it is one of the system's usual sentences, else as it is."""
    return _BY_TEXT.get(reason, reason) if isinstance(reason, str) else reason
