"""The one exception the engine stops a build with."""

from mkdocs.exceptions import PluginError


class BookError(PluginError):
    """A build failure whose message names the files and lines at fault."""
