; DealerDesk's NSIS installer hooks (bundle.windows.nsis.installerHooks).
!include "WinVer.nsh"

!macro NSIS_HOOK_PREINSTALL
  ; WebView2 and DealerDesk are supported on Windows 10 and newer.
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP|MB_OK "DealerDesk 需要 Windows 10 或更新的版本。$\r$\nDealerDesk needs Windows 10 or newer."
    Abort
  ${EndIf}
!macroend
