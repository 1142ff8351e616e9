"""ssg: a static site generator for news archives.

Table of contents (the pipeline, in order): scan -> read -> assemble -> plan -> render/feeds -> write,
tied together by ``build.build``. Support: config, model, urls, deps, cache, parallel, errors.
"""
__version__ = "0.1.0"

from .config import SiteConfig, load_config, parse_config  # noqa: E402

__all__ = ["__version__", "load_config", "parse_config", "SiteConfig"]
# ssg.build.build(config) runs a build and returns a BuildReport; ssg.watch.watch(...) loops it.
