// The language the extension speaks in its own prompts, as the server chooses it for the findings.
import * as vscode from 'vscode';

/** The `algoritmekader.language` setting (of the folder of `resource` when given), or Dutch when VS Code's display language is Dutch (auto). */
export function displayLanguage(resource?: vscode.Uri): 'nl' | 'en' {
  const scope = resource ?? vscode.window.activeTextEditor?.document.uri;
  const setting = vscode.workspace.getConfiguration('algoritmekader', scope).get<string>('language', 'auto');
  if (setting === 'nl' || setting === 'en') return setting;
  return /^nl\b/i.test(vscode.env.language) ? 'nl' : 'en';
}
