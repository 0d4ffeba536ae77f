; Inno Setup script for Offramp on Windows (Inno Setup 6.2 or newer).
;
; Build on Windows, from the project folder, after the bundle:
;   python -m PyInstaller --noconfirm --distpath dist --workpath build\installer installer\offramp.spec
;   dist\offramp\Offramp.exe --self-test        (exit code 0; a windowed program prints nothing, so check %ERRORLEVEL%
;                                                 with `start /wait`, or run dist\offramp\offramp-cli.exe --help)
;   iscc /DAppVersion=0.1.0 installer\windows\offramp.iss
; Output: dist\offramp-<version>-windows-x86_64-setup.exe
;
; Choices, for an office handing this to advocates on shared or old laptops:
; - Per-user install by default (no administrator needed, nothing in Program Files), with the option to install
;   for all users when an administrator runs it. The vault never lives in the install folder: the app keeps it in
;   the user's own data folder (platformdirs), so uninstalling never deletes anyone's records.
; - No "run after install" page that opens the app over someone's shoulder; a Start menu entry only; no desktop
;   icon unless asked (an icon on a shared desktop tells others the program is there).
; - Sign both the installer and the programs (SignTool below) so SmartScreen does not scare people away.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Offramp"
#define AppExe "Offramp.exe"

[Setup]
; A fixed id: upgrades replace the previous version in place. Never change it.
AppId={{6F0F5E1A-3C1B-4B7E-9D51-0F2A3E5C7B19}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Offramp
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=offramp-{#AppVersion}-windows-x86_64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=yes
; SignTool=offramp $f   (define "offramp" in the Inno Setup IDE: signtool sign /fd sha256 /tr <timestamp URL> /td sha256 $f)

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: Offramp.exe, offramp-cli.exe and _internal\.
Source: "..\..\dist\offramp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[InstallDelete]
; A previous version's library files, so a removed file never lingers beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[UninstallDelete]
; Only what the installer put there. The vault, settings and logs live in the user's data folders and are kept.
Type: filesandordirs; Name: "{app}\_internal"
