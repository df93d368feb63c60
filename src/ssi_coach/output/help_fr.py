"""The French of `--help`: each command's description and examples, each parameter's help and
metavar, and the words Click and Typer print around them.

English help lives once, in cli.py; this is its translation, laid over the Click commands
(`translate`) only when help is shown to a French user, so that no other run pays for it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from typing import Any

from typer._click import Command

_EX = "Exemples :\n\n"

# Command path -> (description, epilog). The first line is the summary of the command list.
COMMANDS: dict[str, tuple[str, str | None]] = {
    "": (
        "Faites monter votre Social Selling Index (SSI) LinkedIn, 20 minutes par jour.",
        "Pour commencer : ssi-coach check MARQUE PERSONNES INFORMATIONS RELATIONS",
    ),
    "check": (
        "Calcule votre SSI : total, pilier le plus faible, écarts aux moyennes et plan du "
        "jour de 20 minutes.\n\nLes scores sont enregistrés comme relevé du jour (un nouveau "
        "calcul le même jour les remplace) et le rapport montre l'évolution depuis le relevé "
        "précédent, et ce qui a bougé.",
        _EX + "  ssi-coach check 18 12 15 20\n\n"
        "  ssi-coach check 18,5 12,25 15 20 --industry 32 --network 35 --lang fr\n\n"
        "  ssi-coach check 18 12 15 20 --minutes 30 --no-save --json | jq .plan",
    ),
    "paste": (
        "Lit vos scores dans ce qu'affiche LinkedIn, puis fait avec eux ce que fait check."
        "\n\nDonnez-lui le texte de la page SSI de LinkedIn (tout sélectionner, copier ; en "
        "anglais, français ou portugais) ou le JSON de ses données SSI ; les moyennes et "
        "rangs de votre secteur, de votre réseau et de votre équipe sont repris aussi. Sans "
        "FICHIER ni tube, il lit le presse-papiers.",
        _EX + "  ssi-coach paste\n\n  pbpaste | ssi-coach paste --json\n\n"
        "  ssi-coach paste page-ssi.txt --no-save\n\n"
        "  ssi-coach paste page-de.txt --labels mes-libelles.toml",
    ),
    "today": (
        "La liste du jour : le plan enregistré par check (ou un plan fait de vos derniers "
        "scores), ce qui est coché, les minutes restantes, la série.\n\nFaite pour un alias "
        "du matin : une fois vos scores enregistrés, rien à taper. Un jour de repos (voir "
        "config rest_days), le plan est montré comme facultatif.",
        _EX + "  ssi-coach today\n\n  ssi-coach today -i\n\n  ssi-coach today --json",
    ),
    "status": (
        "Une ligne pour une invite de commande, une barre tmux ou une notification : SSI, "
        "évolution, priorité, ce qui est fait, minutes restantes, série.\n\nElle lit le "
        "fichier d'état que chaque changement du jour écrit, et n'ouvre l'historique que "
        "quand ce fichier n'est pas à jour. Aujourd'hui, avec des scores mais sans plan, "
        "elle fait le plan du jour comme today ; pour un autre jour (--date), elle ne fait "
        "que lire.",
        _EX + "  ssi-coach status\n\n"
        "  ssi-coach status --format '{total} {change} {done}/{items}'\n\n"
        "  ssi-coach status --json",
    ),
    "init": (
        "Affiche le code qui installe ssi-coach dans votre shell : le plan du jour au premier "
        "shell interactif de chaque jour, et ssi_coach_prompt pour votre invite.\n\nMettez "
        "la ligne des exemples dans votre ~/.bashrc, ~/.zshrc ou ~/.config/fish/config.fish. "
        "ssi_coach_prompt affiche la ligne d'état en lisant le fichier d'état avec les "
        "commandes internes du shell : elle ne lance aucun Python.",
        _EX + '  eval "$(ssi-coach init bash)"\n\n  eval "$(ssi-coach init zsh)"\n\n'
        "  ssi-coach init fish | source",
    ),
    "done": (
        "Coche des éléments de la liste du jour, par numéro ou identifiant.",
        _EX + "  ssi-coach done 1 3\n\n  ssi-coach done people-job-changes\n\n"
        "  ssi-coach done --all",
    ),
    "undo": (
        "Décoche des éléments de la liste du jour, par numéro ou identifiant.",
        _EX + "  ssi-coach undo 2\n\n  ssi-coach undo --all",
    ),
    "skip": (
        "Remplace un élément du plan du jour par une autre action du même pilier, de même "
        "durée.\n\nUne action passée n'est plus proposée ce jour-là. Quand aucune autre "
        "action ne convient, le plan reste tel quel (code de sortie 2).",
        _EX + "  ssi-coach skip 2\n\n  ssi-coach skip brand-headline --already-done\n\n"
        "  ssi-coach skip 3 --json",
    ),
    "history": (
        "Vos relevés dans le temps : tableau, courbe, tendance par pilier, prévision, "
        "habitudes qui ont marché.",
        _EX + "  ssi-coach history\n\n  ssi-coach history --days 90\n\n"
        "  ssi-coach history --csv > ssi.csv\n\n  ssi-coach history --json > sauvegarde.json",
    ),
    "review": (
        "Votre semaine en revue : SSI et piliers au début et à la fin, jours et minutes "
        "prévus et faits, série, actions les plus faites, actions ponctuelles faites et une "
        "suggestion pour la semaine prochaine.\n\nPar défaut les 7 derniers jours, "
        "aujourd'hui compris. Un jour compte quand il a un plan, sauf un jour de repos où rien "
        "n'a été coché.",
        _EX + "  ssi-coach review\n\n  ssi-coach review --week 2026-W48 --markdown | pbcopy\n\n"
        "  ssi-coach review --days 30 --json",
    ),
    "forget": (
        "Efface tout ce qui est enregistré pour un jour : relevé, plan et coches, d'un coup."
        "\n\nDemande d'abord confirmation, sauf avec --yes ; un jour sans rien d'enregistré "
        "est refusé.",
        _EX + "  ssi-coach forget 2026-11-21\n\n  ssi-coach forget 9999-12-31 --yes",
    ),
    "import": (
        "Charge des relevés depuis un CSV ou une sauvegarde de l'historique ; à la moindre "
        "ligne invalide, rien n'est écrit.",
        _EX + "  ssi-coach import ssi.csv\n\n  ssi-coach import sauvegarde.json",
    ),
    "team": (
        "La vue d'équipe des managers commerciaux : moyennes, niveaux, rangs et groupes de "
        "coaching.\n\nLes lignes invalides sont listées sur la sortie d'erreur avec leur "
        "numéro (code de sortie 1) et le rapport est fait des lignes valides.",
        _EX + "  ssi-coach team equipe.csv\n\n"
        "  ssi-coach team equipe.csv --sort insights --all\n\n"
        "  ssi-coach team - --json < equipe.csv\n\n"
        "  ssi-coach team equipe.csv --csv --sep ';' --decimal-comma > classement.csv",
    ),
    "rules": ("Vérifie un livre de règles, ou copie celui par défaut pour le modifier.", None),
    "rules check": (
        "Valide un livre de règles et dit ce qu'il contient ; chaque problème est listé sur "
        "la sortie d'erreur.\n\nExemple : ssi-coach rules check mes-regles.toml",
        None,
    ),
    "rules init": (
        "Écrit une copie du livre de règles par défaut, à modifier ; un fichier existant "
        "n'est jamais écrasé.\n\nExemple : ssi-coach rules init mes-regles.toml",
        None,
    ),
    "config": ("Affiche ou modifie vos réglages enregistrés (config.toml).", None),
    "config show": ("Affiche les réglages enregistrés.", _EX + "  ssi-coach config show"),
    "config set": (
        "Enregistre un réglage ; une option sur la ligne de commande l'emporte toujours.",
        _EX + "  ssi-coach config set industry 32\n\n  ssi-coach config set lang fr",
    ),
    "config unset": (
        "Oublie un réglage, pour que sa valeur par défaut s'applique de nouveau.",
        _EX + "  ssi-coach config unset network",
    ),
    "config path": (
        "Affiche l'emplacement du fichier de configuration (il peut ne pas encore exister).",
        _EX + "  ssi-coach config path",
    ),
}

_DAY = "Le jour : AAAA-MM-JJ, aujourd'hui ou hier (par défaut : aujourd'hui)."
_JSON = "Affiche du JSON au lieu du texte."
_ITEMS = "Numéros des éléments tels que « today » les montre, ou leurs identifiants."

# Parameter help: "command path:name" for one command, else "name" for all of them.
PARAMS: dict[str, str] = {
    "version": "Affiche la version et quitte.",
    "help": "Affiche cette aide et quitte.",
    "install_completion": "Installe la complétion pour le shell courant.",
    "show_completion": "Affiche la complétion pour le shell courant, pour la copier ou "
    "personnaliser l'installation.",
    "lang": "Langue de la sortie (par défaut : SSI_COACH_LANG, sinon la configuration, sinon "
    "votre locale, sinon en).",
    "json_output": _JSON,
    "rules": "Utilise ce livre de règles au lieu de celui par défaut.",
    "day": _DAY,
    "save": "Enregistre les scores comme relevé du jour (par défaut : oui).",
    "target": "Total visé, de 0 à 100 (par défaut : 75).",
    "industry": "SSI moyen de votre secteur, tel que LinkedIn l'affiche.",
    "network": "SSI moyen de votre réseau, tel que LinkedIn l'affiche.",
    "minutes": "Temps disponible par jour, de 10 à 60 minutes (par défaut : 20).",
    "industry_rank": "Votre rang « top N % » dans votre secteur (1-100).",
    "network_rank": "Votre rang « top N % » dans votre réseau (1-100).",
    "items": _ITEMS,
    "check:scores": "Vos quatre scores de pilier, de 0 à 25 chacun, dans l'ordre de "
    "LinkedIn (12.5 ou 12,5).",
    "paste:path": "Ce que vous avez copié de LinkedIn : un fichier, ou - pour l'entrée "
    "standard (par défaut : l'entrée standard si elle vient d'un tube, sinon le "
    "presse-papiers).",
    "paste:labels": "Lit la page avec ce fichier de libellés (voir data/page_labels.toml).",
    "today:interactive": "Cocher dans une liste : flèches, espace, entrée.",
    "today:replan": "Refait le plan du jour à partir de ses scores et des réglages du jour.",
    "done:all_items": "Coche tous les éléments du jour.",
    "undo:all_items": "Décoche tous les éléments du jour.",
    "today:once_a_day": "Pour le code de init : seulement au premier appel du jour, et un "
    "rappel d'une ligne à la place quand le jour n'a pas encore de scores.",
    "status:template": "Affiche ce modèle au lieu de la ligne, avec {total} {change} {focus} "
    "{done} {items} {minutes_left} {streak} {date} remplis.",
    "init:shell": "Le shell pour lequel écrire le code.",
    "skip:item": "Un numéro d'élément tel que « today » le montre, ou un identifiant.",
    "skip:already_done": "Vous l'aviez fait avant d'utiliser ssi-coach : il compte comme "
    "fait pour de bon.",
    "history:days": "Seulement les N derniers jours jusqu'au dernier relevé (par défaut : 30 "
    "à l'écran ; --csv et --json écrivent tout).",
    "history:json_output": "Tous les relevés et coches, avec série et prévision.",
    "history:csv_output": "Tous les relevés, en CSV.",
    "review:days": "Les N derniers jours, de 1 à 366, jusqu'à --date (par défaut : 7).",
    "review:week": "Une semaine ISO à la place, du lundi au dimanche, comme 2026-W48.",
    "review:day": "Le dernier jour de la période : AAAA-MM-JJ, aujourd'hui ou hier (par "
    "défaut : aujourd'hui).",
    "review:markdown": "Affiche du Markdown à coller dans une note, un message Slack ou un e-mail.",
    "forget:day": "Le jour à oublier : AAAA-MM-JJ, aujourd'hui ou hier.",
    "forget:yes": "Ne demande pas de confirmation.",
    "import:path": "Un CSV (date,brand,people,insights,relationships[,industry,network,"
    "total]) ou le JSON de « history --json ».",
    "team:path": "Un CSV avec une colonne de nom (name, rep ou nom) et les quatre piliers ; "
    "colonnes date et team facultatives. - lit l'entrée standard.",
    "team:sort": "Ordre des commerciaux : du plus haut au plus bas, noms de A à Z.",
    "team:show_all": "Montre tous les commerciaux, pas seulement les 10 premiers et les 10 "
    "derniers d'une longue liste.",
    "team:industry": "SSI moyen du secteur de l'équipe, pour comparer.",
    "team:csv_output": "Le tableau de tous les commerciaux, en CSV pour un tableur.",
    "separator": "Avec --csv, le séparateur : , ; | ou tab (par défaut : , ou ; avec "
    "--decimal-comma).",
    "decimal_comma": "Avec --csv, la virgule comme marque décimale, pour Excel en français.",
    "rules check:path": "Le livre de règles à vérifier (par défaut : celui livré avec ssi-coach).",
    "rules init:path": "Où écrire la copie ; ne doit pas encore exister.",
    "config set:key": "target, industry, network, minutes, lang, rules, sales_navigator "
    "(true ou false) ou rest_days (comme sat,sun, ou none).",
    "config set:value": "Vérifiée comme l'option du même nom.",
    "config unset:key": "Le réglage à oublier.",
}

METAVARS: dict[str, str] = {
    "BRAND PEOPLE INSIGHTS RELATIONSHIPS": "MARQUE PERSONNES INFORMATIONS RELATIONS",
    "FILE": "FICHIER",
    "[FILE]": "[FICHIER]",
    "PATH": "CHEMIN",
    "YYYY-MM-DD": "AAAA-MM-JJ",
    "YYYY-Www": "AAAA-Wss",
    "ITEM": "ÉLÉMENT",
    "ITEM...": "ÉLÉMENT...",
    "KEY": "CLÉ",
    "VALUE": "VALEUR",
    "CHAR": "CAR",
    "TEMPLATE": "MODÈLE",
}

TYPES = {"str": "texte", "text": "texte", "path": "chemin", "integer": "entier"}

# What Click and Typer say around the help (their gettext messages).
WORDS: dict[str, str] = {
    "Usage: ": "Utilisation : ",
    "Show this message and exit.": "Affiche cette aide et quitte.",
    "Options": "Options",
    "Arguments": "Arguments",
    "Commands": "Commandes",
    "[default: {}]": "[par défaut : {}]",
    "[env var: {}]": "[variable d'environnement : {}]",
    "[required]": "[obligatoire]",
    "(deprecated) ": "(obsolète) ",
    "Error": "Erreur",
    "Aborted.": "Interrompu.",
    "default": "par défaut",
    "required": "obligatoire",
}
RICH = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commandes",
    "DEFAULT_STRING": "[par défaut : {}]",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "ENVVAR_STRING": "[variable d'environnement : {}]",
    "DEPRECATED_STRING": "(obsolète) ",
}


def metavar(name: str) -> str:
    """A metavar (FILE, PATH...) as the French help shows it."""
    return METAVARS.get(name, name)


def translate(command: Command, path: str = "") -> None:
    """Lay the French text over `command` and every subcommand, in place."""
    described = COMMANDS.get(path)
    if described is not None:
        command.help, command.epilog = described
        command.short_help = None
    subcommands: dict[str, Command] = getattr(command, "commands", {})
    if subcommands:
        command.subcommand_metavar = "COMMANDE [ARGUMENTS]..."  # type: ignore[attr-defined]
        for name, sub in subcommands.items():
            translate(sub, f"{path} {name}".strip())
    command.options_metavar = "[OPTIONS]"
    for param in command.params:
        _translate_param(param, path)


def _translate_param(param: Any, path: str) -> None:
    said = PARAMS.get(f"{path}:{param.name}", PARAMS.get(param.name or ""))
    if said is not None and hasattr(param, "help"):
        param.help = said
    if param.metavar:
        param.metavar = metavar(param.metavar)
    if getattr(param, "secondary_opts", None):  # --save/--no-save: its default is in the help
        param.show_default = False
    if param.param_type_name == "argument":  # Typer shows an argument's type: <str>, <path>
        param.type = copy(param.type)
        param.type.name = TYPES.get(param.type.name, param.type.name)


@contextmanager
def french_words() -> Iterator[None]:
    """Click's and Typer's own words in French while help is shown, then as they were."""
    import typer.core
    import typer.rich_utils
    from typer._click import decorators, formatting

    def gettext(message: str) -> str:
        return WORDS.get(message, message)

    saved = {
        (typer.core, "_"): typer.core._,  # type: ignore[attr-defined]
        (typer.rich_utils, "_"): typer.rich_utils._,  # type: ignore[attr-defined]
        (decorators, "help_option"): decorators.help_option,
        (formatting.HelpFormatter, "write_usage"): formatting.HelpFormatter.write_usage,
    }
    saved |= {(typer.rich_utils, name): getattr(typer.rich_utils, name) for name in RICH}
    changed: dict[tuple[Any, str], Any] = {
        (typer.core, "_"): gettext,
        (typer.rich_utils, "_"): gettext,
        (decorators, "help_option"): _french_help_option(decorators.help_option),
        (formatting.HelpFormatter, "write_usage"): _french_usage(
            formatting.HelpFormatter.write_usage
        ),
    }
    changed |= {(typer.rich_utils, name): value for name, value in RICH.items()}
    for (owner, name), value in changed.items():
        setattr(owner, name, value)
    try:
        yield
    finally:
        for (owner, name), value in saved.items():
            setattr(owner, name, value)


def _french_help_option(original: Any) -> Any:
    def help_option(param_decls: list[str]) -> Any:
        decorate = original(param_decls)

        def apply(command: Command) -> Command:
            decorated = decorate(command)
            decorated.params[-1].help = PARAMS["help"]
            return decorated  # type: ignore[no-any-return]

        return apply

    return help_option


def _french_usage(original: Any) -> Any:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, WORDS["Usage: "] if prefix is None else prefix)

    return write_usage
