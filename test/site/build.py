"""Builds a copy of a content corpus with Debian's MkDocs, as the site builds it, for the comparison test.

Usage: python3 build.py CORPUS OUT

The copy gets a mkdocs.yml of its own: theme `mkdocs` (the site's `material` theme and its plugins are not
Debian packages), the corpus's own `site_url`, its own `markdown_extensions` as far as these versions have
them (an extension that does not import is left out; options that name `material.*` functions are dropped),
and the corpus's own `tags.py` and `lists.py` hooks, unmodified. Writes the site to OUT/site.
"""
import importlib
import os
import shutil
import subprocess
import sys

import yaml


class Loader(yaml.SafeLoader):
    pass


# mkdocs.yml uses !!python/name and !ENV tags: kept as text, never called.
Loader.add_multi_constructor('tag:yaml.org,2002:python/name:', lambda loader, suffix, node: 'python/name:' + suffix)
Loader.add_multi_constructor('!', lambda loader, suffix, node: None)


def available(name):
    try:
        importlib.import_module(name)
        return True
    except ImportError:
        return False


def uses_material(value):
    if isinstance(value, str):
        return value.startswith('python/name:material.')
    if isinstance(value, dict):
        return any(uses_material(v) for v in value.values())
    if isinstance(value, list):
        return any(uses_material(v) for v in value)
    return False


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    src = os.path.join(out, 'src')
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    shutil.copytree(corpus, src)
    with open(os.path.join(src, 'mkdocs.yml'), encoding='utf-8') as f:
        config = yaml.load(f, Loader=Loader)

    extensions = []
    dropped = []
    for entry in config.get('markdown_extensions', []):
        name, options = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, None))
        module = name if '.' in name else 'markdown.extensions.' + name
        if not available(module):
            dropped.append(name)
            continue
        if options and uses_material(options):
            options = {k: v for k, v in options.items() if not uses_material(v)} or None
        if options and 'custom_fences' in options:
            # superfences' format function: the one pymdownx has (the yml names it as text).
            for fence in options['custom_fences']:
                fence.pop('format', None)
        extensions.append({name: options} if options else name)

    hooks = [h for h in config.get('hooks', []) if os.path.basename(h) in ('tags.py', 'lists.py')]
    site = {
        'site_name': config.get('site_name', 'Algoritmekader'),
        'docs_dir': 'docs',
        'site_dir': os.path.abspath(os.path.join(out, 'site')),
        'theme': {'name': 'mkdocs'},
        'markdown_extensions': extensions,
        'hooks': hooks,
    }
    if config.get('site_url'):
        site['site_url'] = config['site_url']
    with open(os.path.join(src, 'mkdocs.compare.yml'), 'w', encoding='utf-8') as f:
        yaml.safe_dump(site, f, allow_unicode=True, sort_keys=False)
    with open(os.path.join(out, 'dropped.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(dropped))
    log = open(os.path.join(out, 'build.log'), 'w', encoding='utf-8')
    result = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q', '-f', 'mkdocs.compare.yml'], cwd=src, stdout=log, stderr=subprocess.STDOUT)
    sys.exit(result.returncode)


main()
