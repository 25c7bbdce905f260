// The language the extension speaks in its own prompts, as the server chooses it for the findings.
import * as vscode from 'vscode';

/** The `algoritmekader.language` setting, or Dutch when VS Code's display language is Dutch (auto). */
export function displayLanguage(): 'nl' | 'en' {
  const setting = vscode.workspace.getConfiguration('algoritmekader').get<string>('language', 'auto');
  if (setting === 'nl' || setting === 'en') return setting;
  return /^nl\b/i.test(vscode.env.language) ? 'nl' : 'en';
}
